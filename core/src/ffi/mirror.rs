//! `mirror_enum!`: the two-way `From` impls between an FFI enum and the core
//! enum it mirrors variant for variant. The core stays free of uniffi, so
//! each fieldless enum exists twice; this keeps the pairs in step.

macro_rules! mirror_enum {
    ($ffi:ident <=> $core:path { $($variant:ident),+ $(,)? }) => {
        impl From<$ffi> for $core {
            fn from(v: $ffi) -> Self {
                match v { $($ffi::$variant => <$core>::$variant),+ }
            }
        }
        impl From<$core> for $ffi {
            fn from(v: $core) -> Self {
                match v { $(<$core>::$variant => $ffi::$variant),+ }
            }
        }
    };
}
