"""Development steps (ontwikkelstappen) and the trend of a placement."""
