"""Write stage: files put in place atomically with stale ones removed, or compared (`check`)."""

from .files import Difference, UnsafePathError, WriteReport, compare_folder, existing_files, is_inside, write_folder

__all__ = ["Difference", "UnsafePathError", "WriteReport", "compare_folder", "existing_files", "is_inside", "write_folder"]
