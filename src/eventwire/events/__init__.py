"""Event coding: PLOVER and CAMEO events with their evidence spans."""
