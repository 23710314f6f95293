"""Hygie action server package: actions, services and the application store."""
