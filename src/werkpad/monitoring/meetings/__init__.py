"""Three-party meetings (driegesprekken): planning, the .ics invitation and the minutes."""
