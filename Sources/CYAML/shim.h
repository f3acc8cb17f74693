#ifndef PORTCULLIS_CYAML_SHIM_H
#define PORTCULLIS_CYAML_SHIM_H
#include <yaml.h>
#endif
