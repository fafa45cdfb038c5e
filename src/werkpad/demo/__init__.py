"""The demo: fictional organisations, logins, candidates, employers and placements, kept as YAML
stories under `data/` and built by `loader.py` (`manage.py load_demo`)."""
