"""Plan stage: the IR becomes the list of files to emit."""

from .files import PER_RESOURCE_TEST, RUNTIME_TEMPLATE_DIR, TEST_TEMPLATE_DIR, OutputFile, ordered_aliases, plan_package
from .project import ProjectSettings, plan_project

__all__ = ["PER_RESOURCE_TEST", "RUNTIME_TEMPLATE_DIR", "TEST_TEMPLATE_DIR", "OutputFile", "ProjectSettings", "ordered_aliases", "plan_package", "plan_project"]
