// Builds the Rust core for Android with cargo-ndk, generates the Kotlin
// bindings with the workspace's own uniffi-bindgen, and packages both.
// JVM unit tests (src/test) run against a host build of the same library.
plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

val workspaceDir = rootDir.resolve("..")
val rustJniLibs = layout.buildDirectory.dir("rustJniLibs")
val generatedKotlin = layout.buildDirectory.dir("generated/uniffi")

android {
    namespace = "app.patella.core"
    compileSdk = 35

    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets["main"].java.srcDir(generatedKotlin)
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
    implementation("net.java.dev.jna:jna:5.15.0@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.9.0")
    testImplementation("net.java.dev.jna:jna:5.15.0")
    testImplementation("org.junit.jupiter:junit-jupiter:5.11.3")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher:1.11.3")
}

// Cross-compiles libpatella_ffi.so for the device ABIs (needs the NDK and
// `cargo install cargo-ndk`).
val cargoNdk by tasks.registering(Exec::class) {
    workingDir = workspaceDir
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-o", rustJniLibs.get().asFile.path,
        "build", "--release", "-p", "patella-ffi",
    )
}

// The host library: source of the bindings and the target of the JVM tests.
val hostRustLibrary by tasks.registering(Exec::class) {
    workingDir = workspaceDir
    commandLine("cargo", "build", "-p", "patella-ffi", "-p", "uniffi-bindgen")
}

val generateBindings by tasks.registering(Exec::class) {
    dependsOn(hostRustLibrary)
    workingDir = workspaceDir
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
