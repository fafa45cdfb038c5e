"""Pages that combine many apps: home, the traject page, the placement page, the portal."""
