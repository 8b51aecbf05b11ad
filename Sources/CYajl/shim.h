// yajl 2 (Debian libyajl-dev): the streaming JSON parser and generator behind the fleet
// list. Its configuration calls are C variadics, which Swift cannot call: these inline
// wrappers make the few settings synq uses callable. No state lives here.
#ifndef SYNQ_CYAJL_SHIM_H
#define SYNQ_CYAJL_SHIM_H

#include <yajl/yajl_parse.h>
#include <yajl/yajl_gen.h>

/// Strings are passed through unvalidated: synq checks UTF-8 per row, so one bad name
/// skips one synchronizer instead of failing the whole list.
static inline int synq_yajl_pass_raw_strings(yajl_handle handle) {
    return yajl_config(handle, yajl_dont_validate_strings, 1);
}

/// Indented output, two spaces per level.
static inline int synq_yajl_gen_beautify(yajl_gen generator) {
    return yajl_gen_config(generator, yajl_gen_beautify, 1) && yajl_gen_config(generator, yajl_gen_indent_string, "  ");
}

#endif
