visible = "visible"
also_visible = 2
_not_star_imported = "underscore"
import sys as _sys_alias
