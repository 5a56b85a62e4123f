"""The ENT (ҰБТ) track for grades 10–11: mathematical literacy and the mathematics profile
subject in the National Testing Center's format, timed mocks, short practice sets, reports."""
