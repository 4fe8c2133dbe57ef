//! `uniffi-bindgen`: generates the Swift and Kotlin bindings from the built
//! facade library, with the exact uniffi version the facade uses.
fn main() {
    uniffi::uniffi_bindgen_main()
}
