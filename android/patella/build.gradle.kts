// The Android library around Patella's Rust core: the native library for
// each ABI (cargo-ndk), the Kotlin bindings generated from it with the
// workspace's own uniffi-bindgen, JNA as an AAR, btleplug's Java classes
// (droidplug) from the btleplug crate the workspace resolves, and the
// consumer ProGuard rules. JVM unit tests run against a host build.
import groovy.json.JsonSlurper

plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

val workspaceDir: File = rootDir.resolve("..")
val rustJniLibs = layout.buildDirectory.dir("rustJniLibs")
val generatedKotlin = layout.buildDirectory.dir("generated/uniffi")

// The ABIs the AAR ships, as Android names them.
val androidAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

/**
 * btleplug's `src/droidplug/java` in the cargo registry, for the exact
 * btleplug version in Cargo.lock (found with `cargo metadata`, never copied
 * into this repository).
 */
fun droidplugJavaDir(): File {
    val json = providers.exec {
        workingDir = workspaceDir
        commandLine("cargo", "metadata", "--format-version", "1", "--locked")
    }.standardOutput.asText.get()
    @Suppress("UNCHECKED_CAST")
    val packages = (JsonSlurper().parseText(json) as Map<String, Any>)["packages"] as List<Map<String, Any>>
    val btleplug = packages.firstOrNull { it["name"] == "btleplug" }
        ?: throw GradleException("btleplug is not in the workspace's dependency graph")
    val dir = File(btleplug["manifest_path"] as String).parentFile.resolve("src/droidplug/java/src/main/java")
    if (!dir.isDirectory) throw GradleException("btleplug's droidplug Java sources are missing at $dir")
    return dir
}

android {
    namespace = "app.patella.core"
    compileSdk = 35

    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
        ndk { abiFilters += androidAbis }
    }

    sourceSets["main"].java.srcDir(generatedKotlin)
    sourceSets["main"].java.srcDir(droidplugJavaDir())
    sourceSets["main"].jniLibs.srcDir(rustJniLibs)

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    testOptions {
        unitTests.all {
            it.useJUnitPlatform()
            it.systemProperty("jna.library.path", workspaceDir.resolve("target/debug").path)
        }
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // JNA as an AAR ("@aar"): it carries JNA's native dispatch library for each ABI.
    api(libs.jna) { artifact { type = "aar" } }
    api(libs.kotlinx.coroutines.core)
    testImplementation(libs.jna)
    testImplementation(libs.junit.jupiter)
    testRuntimeOnly(libs.junit.platform.launcher)
}

// libpatella_ffi.so for every device ABI into build/rustJniLibs/<abi>/
// (needs the NDK, ANDROID_NDK_HOME, and `cargo install cargo-ndk`).
val cargoNdk by tasks.registering(Exec::class) {
    description = "Cross-compiles the Rust core for ${androidAbis.joinToString()}"
    workingDir = workspaceDir
    inputs.files(fileTree(workspaceDir.resolve("core/src")), fileTree(workspaceDir.resolve("bindings/src")))
    inputs.files(workspaceDir.resolve("Cargo.lock"))
    outputs.dir(rustJniLibs)
    commandLine(
        listOf("cargo", "ndk") +
            androidAbis.flatMap { listOf("-t", it) } +
            listOf("--platform", "26", "-o", rustJniLibs.get().asFile.path, "build", "--release", "--locked", "-p", "patella-ffi"),
    )
}

// The host library: the source of the bindings and the target of the JVM tests.
val hostRustLibrary by tasks.registering(Exec::class) {
    workingDir = workspaceDir
    commandLine("cargo", "build", "--locked", "-p", "patella-ffi", "-p", "uniffi-bindgen")
}

val generateBindings by tasks.registering(Exec::class) {
    dependsOn(hostRustLibrary)
    workingDir = workspaceDir
    outputs.dir(generatedKotlin)
    val hostLib = if (org.gradle.internal.os.OperatingSystem.current().isMacOsX) {
        "target/debug/libpatella_ffi.dylib"
    } else {
        "target/debug/libpatella_ffi.so"
    }
    commandLine(
        "target/debug/uniffi-bindgen", "generate",
        "--library", hostLib,
        "--language", "kotlin",
        "--out-dir", generatedKotlin.get().asFile.path,
    )
}

tasks.named("preBuild") { dependsOn(generateBindings, cargoNdk) }
