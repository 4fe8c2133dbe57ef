// The app's model layer: screen states and presenters, the main-thread
// bridge, the app session, the cue policy and the phone's ports with fakes.
// No `android.*` import anywhere, so its JVM tests also run without Gradle
// (`scripts/test-kotlin shell` compiles them with kotlinc). It is an
// Android library only because it builds on :patella, which is one.
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

android {
    namespace = "app.patella.shell"
    compileSdk = 35

    defaultConfig {
        minSdk = 26
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    testOptions {
        unitTests.all {
            it.useJUnitPlatform()
            it.systemProperty("jna.library.path", rootDir.resolve("../target/debug").path)
            it.systemProperty("patella.root", rootDir.resolve("..").path)
        }
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    api(project(":patella"))
    api(libs.kotlinx.coroutines.core)
    testImplementation(libs.jna)
    testImplementation(libs.kotlin.reflect)
    testImplementation(libs.junit.jupiter)
    testRuntimeOnly(libs.junit.platform.launcher)
}
