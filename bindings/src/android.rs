//! Android only: btleplug's Java side needs the JVM before any Bluetooth
//! call, so the library exports `JNI_OnLoad`, which the JVM calls when the
//! app loads it (`System.loadLibrary`), and hands btleplug its environment.

#![cfg(target_os = "android")]

use jni::JavaVM;
use jni::sys::{JNI_ERR, JNI_VERSION_1_6, jint};

enum InitError {
    Jni,
    Bluetooth,
}

impl From<jni::errors::Error> for InitError {
    fn from(_: jni::errors::Error) -> Self {
        Self::Jni
    }
}

// The JVM finds this symbol by name, so it must be unmangled, and it hands
// over a raw VM pointer: the one place the facade cannot avoid `unsafe`.
// The workspace denies `unsafe_code`; this is its one reviewed exception.
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub extern "system" fn JNI_OnLoad(
    vm: *mut jni::sys::JavaVM,
    _reserved: *mut std::ffi::c_void,
) -> jint {
    if vm.is_null() {
        return JNI_ERR;
    }
    // SAFETY: the JVM passes its own, valid VM pointer, alive for the process.
    let vm = unsafe { JavaVM::from_raw(vm) };
    let result = vm.attach_current_thread(|env| -> Result<(), InitError> {
        btleplug::platform::init(env).map_err(|_| InitError::Bluetooth)
    });
    match result {
        Ok(()) => JNI_VERSION_1_6,
        Err(InitError::Jni | InitError::Bluetooth) => JNI_ERR,
    }
}
