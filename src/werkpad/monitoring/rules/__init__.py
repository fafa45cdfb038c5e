"""The traffic-light rules: pure and database-free (`engine.py`, `data/signaalregels.yaml`)."""
