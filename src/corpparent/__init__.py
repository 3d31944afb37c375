"""corpparent: governance and performance oversight for Corporate Parenting Panels."""
