"""Knowledge stage: actors, places, quotes, quantities and dates, each with offsets into the text."""
