from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data, the large data set of the benchmark and the benchmark's own commands."""

    name = "devtools"
    verbose_name = "Developer tools"
