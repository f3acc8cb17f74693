internal import CYAMLAllocation

/// The pool libyaml's allocations come from in this process (`CYAMLAllocation`): libyaml calls its
/// own `yaml_malloc`, `yaml_realloc`, `yaml_strdup` and `yaml_free` through the dynamic linker,
/// and the definitions linked into the executable are the ones it finds. Blocks of up to 128 bytes
/// (most of what its scanner asks for: several strings per scalar) are kept on a list per thread
/// and given out again, instead of each going to `malloc` and back.
package enum YAMLAllocationPool {
    /// What the calling thread's pool has done since the thread began: blocks given out again from
    /// its lists, and blocks made with `malloc`. Both stay 0 when libyaml does not use the pool.
    package static var counts: (reused: Int, made: Int) {
        let counts = portcullis_yaml_pool_counts()
        return (Int(counts.reused), Int(counts.made))
    }
}
