package app.patella.app

import android.app.Application

/**
 * Loads the Rust library once, from a Java thread, before any Bluetooth
 * call: its `JNI_OnLoad` hands btleplug the JVM (docs/android.md, "Bluetooth
 * on the phones"). JNA then finds the same library for the generated bindings.
 */
class PatellaApplication : Application() {
    override fun onCreate() {
        super.onCreate()
        System.loadLibrary("patella_ffi")
    }
}
