"""The builders of the demo, one module per section of the stories; `werkpad.demo.loader`
runs them in order."""
