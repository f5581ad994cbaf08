#ifndef PROCDEF_CYAML_SHIM_H
#define PROCDEF_CYAML_SHIM_H
#include <yaml.h>
#endif
