//! A thin binding to libvoikko's C API, loaded at run time.
//!
//! This is the crate's only module with `unsafe` code. libvoikko is opened
//! with `libloading` (`libvoikko.so.1`), so the program starts and works
//! without it; [`Voikko::load`] then returns an error and the caller falls
//! back. Only the functions below are used (see `voikko.h` of Debian's
//! `libvoikko-dev` 4.3):
//!
//! ```c
//! struct VoikkoHandle *voikkoInit(const char **error, const char *langcode, const char *path);
//! void voikkoTerminate(struct VoikkoHandle *handle);
//! const char *voikkoGetVersion();
//! struct voikko_mor_analysis **voikkoAnalyzeWordCstr(struct VoikkoHandle *handle, const char *word);
//! void voikko_free_mor_analysis(struct voikko_mor_analysis **analysis);
//! char *voikko_mor_analysis_value_cstr(const struct voikko_mor_analysis *analysis, const char *key);
//! void voikko_free_mor_analysis_value_cstr(char *analysis_value);
//! struct voikko_dict **voikko_list_dicts(const char *path);
//! void voikko_free_dicts(struct voikko_dict **dicts);
//! const char *voikko_dict_language(const struct voikko_dict *dict);   // also _variant, _description
//! char **voikkoSuggestCstr(struct VoikkoHandle *handle, const char *word);
//! void voikkoFreeCstrArray(char **cstrArray);
//! ```
//!
//! "A single handle should not be used simultaneously from multiple
//! threads" (voikko.h): the handle lives behind a [`Mutex`].

#![allow(unsafe_code)]

use std::ffi::{CStr, CString, OsStr, c_char};
use std::path::Path;
use std::ptr::{self, NonNull};
use std::sync::{Mutex, OnceLock};

use libloading::Library;

/// The file name the dynamic loader is asked for by [`Voikko::load`]
/// (Debian's package `libvoikko1`).
pub const DEFAULT_LIBRARY: &str = "libvoikko.so.1";

/// Voikko's limit on a word's length (`LIBVOIKKO_MAX_WORD_CHARS`); longer
/// words are not analysed.
const VOIKKO_MAX_WORD_CHARS: usize = 255;

/// Why Voikko could not be used.
#[derive(Debug, thiserror::Error)]
pub enum VoikkoError {
    /// The shared library could not be opened or lacks a function.
    #[error("cannot load {library}: {message}")]
    Library {
        /// The library asked for.
        library: String,
        /// The dynamic loader's message.
        message: String,
    },
    /// The library loaded, but `voikkoInit` failed (typically: no Finnish
    /// dictionary, Debian's package `voikko-fi`).
    #[error("libvoikko could not be initialised for Finnish: {0}")]
    Init(String),
}

/// One morphological analysis of a word: the values of the keys we use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MorAnalysis {
    /// `BASEFORM`, e.g. `huoltoriita` for `huoltoriidoissa`.
    pub baseform: Option<String>,
    /// `WORDBASES`, e.g. `+huolto(huolto)+riita(riita)`.
    pub wordbases: Option<String>,
    /// `STRUCTURE`, e.g. `=pppppp=ppppppppp` (`=` starts a compound part).
    pub structure: Option<String>,
    /// `CLASS`, e.g. `nimisana` (noun), `laatusana` (adjective).
    pub class: Option<String>,
    /// `POSSESSIVE`, e.g. `2s` for psykoo-si ("your psycho"): a reading
    /// that is rarely the meant one when another exists.
    pub possessive: Option<String>,
    /// `SIJAMUOTO`, the case, e.g. `omanto` (genitive) for perheen.
    pub case: Option<String>,
    /// `MOOD`, e.g. `indicative` for lyö, `A-infinitive` for lyödä.
    pub mood: Option<String>,
}

type InitFn =
    unsafe extern "C" fn(*mut *const c_char, *const c_char, *const c_char) -> *mut VoikkoHandle;
type TerminateFn = unsafe extern "C" fn(*mut VoikkoHandle);
type VersionFn = unsafe extern "C" fn() -> *const c_char;
type AnalyzeFn = unsafe extern "C" fn(*mut VoikkoHandle, *const c_char) -> *mut *mut RawAnalysis;
type FreeAnalysisFn = unsafe extern "C" fn(*mut *mut RawAnalysis);
type ValueFn = unsafe extern "C" fn(*const RawAnalysis, *const c_char) -> *mut c_char;
type FreeValueFn = unsafe extern "C" fn(*mut c_char);
type ListDictsFn = unsafe extern "C" fn(*const c_char) -> *mut *mut RawDict;
type FreeDictsFn = unsafe extern "C" fn(*mut *mut RawDict);
type DictStrFn = unsafe extern "C" fn(*const RawDict) -> *const c_char;
type SuggestFn = unsafe extern "C" fn(*mut VoikkoHandle, *const c_char) -> *mut *mut c_char;
type FreeCstrArrayFn = unsafe extern "C" fn(*mut *mut c_char);

/// `struct VoikkoHandle` (opaque).
#[repr(C)]
struct VoikkoHandle {
    _opaque: [u8; 0],
}
/// `struct voikko_mor_analysis` (opaque).
#[repr(C)]
struct RawAnalysis {
    _opaque: [u8; 0],
}
/// `struct voikko_dict` (opaque).
#[repr(C)]
struct RawDict {
    _opaque: [u8; 0],
}

/// The opened library and the functions we call. Never unloaded: it is
/// opened once per process and leaked, so the function pointers stay valid.
struct Lib {
    init: InitFn,
    terminate: TerminateFn,
    version: VersionFn,
    analyze: AnalyzeFn,
    free_analysis: FreeAnalysisFn,
    value: ValueFn,
    free_value: FreeValueFn,
    list_dicts: ListDictsFn,
    free_dicts: FreeDictsFn,
    dict_language: DictStrFn,
    dict_variant: DictStrFn,
    dict_description: DictStrFn,
    suggest: SuggestFn,
    free_cstr_array: FreeCstrArrayFn,
    _library: Library,
}

impl Lib {
    fn open(name: &OsStr) -> Result<Lib, String> {
        // SAFETY: opening a library runs its initialisers; libvoikko's are
        // ordinary C++ static constructors with no preconditions.
        let library = unsafe { Library::new(name) }.map_err(|e| error_chain(&e))?;
        // SAFETY: each symbol is looked up with the type of its declaration
        // in voikko.h (see the module comment); the copied function pointers
        // are used only while `_library` is alive, which is forever (leaked).
        unsafe {
            Ok(Lib {
                init: *library
                    .get::<InitFn>(c"voikkoInit")
                    .map_err(|e| e.to_string())?,
                terminate: *library.get(c"voikkoTerminate").map_err(|e| e.to_string())?,
                version: *library
                    .get(c"voikkoGetVersion")
                    .map_err(|e| e.to_string())?,
                analyze: *library
                    .get(c"voikkoAnalyzeWordCstr")
                    .map_err(|e| e.to_string())?,
                free_analysis: *library
                    .get(c"voikko_free_mor_analysis")
                    .map_err(|e| e.to_string())?,
                value: *library
                    .get(c"voikko_mor_analysis_value_cstr")
                    .map_err(|e| e.to_string())?,
                free_value: *library
                    .get(c"voikko_free_mor_analysis_value_cstr")
                    .map_err(|e| e.to_string())?,
                list_dicts: *library
                    .get(c"voikko_list_dicts")
                    .map_err(|e| e.to_string())?,
                free_dicts: *library
                    .get(c"voikko_free_dicts")
                    .map_err(|e| e.to_string())?,
                dict_language: *library
                    .get(c"voikko_dict_language")
                    .map_err(|e| e.to_string())?,
                dict_variant: *library
                    .get(c"voikko_dict_variant")
                    .map_err(|e| e.to_string())?,
                dict_description: *library
                    .get(c"voikko_dict_description")
                    .map_err(|e| e.to_string())?,
                suggest: *library
                    .get(c"voikkoSuggestCstr")
                    .map_err(|e| e.to_string())?,
                free_cstr_array: *library
                    .get(c"voikkoFreeCstrArray")
                    .map_err(|e| e.to_string())?,
                _library: library,
            })
        }
    }

    /// The default library, opened once per process.
    fn default_lib() -> Result<&'static Lib, String> {
        static DEFAULT: OnceLock<Result<&'static Lib, String>> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Lib::open(OsStr::new(DEFAULT_LIBRARY)).map(|l| &*Box::leak(Box::new(l)))
            })
            .clone()
    }
}

/// The error's message with its sources' ("dlopen failed: …: No such file").
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message = format!("{message}: {s}");
        source = s.source();
    }
    message
}

/// Copies a C string owned by libvoikko; `None` for NULL.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string valid for this call.
unsafe fn copy_str(p: *const c_char) -> Option<String> {
    // SAFETY: guaranteed by the caller.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// A Voikko handle (`VoikkoHandle *`), only ever used under the mutex.
struct Handle(NonNull<VoikkoHandle>);

// SAFETY: libvoikko allows a handle to be used from any thread, just not
// from two at once; `Voikko` only touches it while holding the mutex.
unsafe impl Send for Handle {}

/// An initialised Finnish Voikko instance. Thread-safe: calls are serialised.
pub struct Voikko {
    lib: &'static Lib,
    handle: Mutex<Handle>,
    version: String,
    dictionary: String,
}

impl std::fmt::Debug for Voikko {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Voikko")
            .field("version", &self.version)
            .field("dictionary", &self.dictionary)
            .finish_non_exhaustive()
    }
}

impl Voikko {
    /// Opens `libvoikko.so.1` and initialises it for Finnish with the
    /// dictionaries at the standard places (Debian: `/usr/lib/voikko`).
    ///
    /// # Errors
    /// [`VoikkoError::Library`] when the library cannot be opened (Debian's
    /// `libvoikko1` missing), [`VoikkoError::Init`] when it finds no Finnish
    /// dictionary (`voikko-fi` missing).
    pub fn load() -> Result<Voikko, VoikkoError> {
        let lib = Lib::default_lib().map_err(|message| VoikkoError::Library {
            library: DEFAULT_LIBRARY.to_owned(),
            message,
        })?;
        Voikko::init(lib, None)
    }

    /// Opens the given library (a file name for the dynamic loader or a
    /// path) and initialises it for Finnish, searching `dictionary_path`
    /// first when given. The library stays loaded for the process' life.
    ///
    /// # Errors
    /// As [`Voikko::load`].
    pub fn load_from(
        library: impl AsRef<OsStr>,
        dictionary_path: Option<&Path>,
    ) -> Result<Voikko, VoikkoError> {
        let library = library.as_ref();
        let lib = Lib::open(library).map_err(|message| VoikkoError::Library {
            library: library.to_string_lossy().into_owned(),
            message,
        })?;
        Voikko::init(Box::leak(Box::new(lib)), dictionary_path)
    }

    fn init(lib: &'static Lib, dictionary_path: Option<&Path>) -> Result<Voikko, VoikkoError> {
        let path = match dictionary_path {
            Some(p) => Some(
                CString::new(p.as_os_str().as_encoded_bytes())
                    .map_err(|_| VoikkoError::Init("the dictionary path contains NUL".into()))?,
            ),
            None => None,
        };
        let path_ptr = path.as_ref().map_or(ptr::null(), |p| p.as_ptr());
        let mut error: *const c_char = ptr::null();
        // SAFETY: `error` is a valid out-pointer, the language code and path
        // are NUL-terminated strings (or NULL for the path) living through
        // the call.
        let raw = unsafe { (lib.init)(&raw mut error, c"fi".as_ptr(), path_ptr) };
        let Some(handle) = NonNull::new(raw) else {
            // SAFETY: on failure `error` is NULL or points to a static
            // message inside libvoikko.
            let message = unsafe { copy_str(error) }.unwrap_or_else(|| "unknown error".into());
            return Err(VoikkoError::Init(message));
        };
        // SAFETY: voikkoGetVersion takes no arguments and returns a static string.
        let version = unsafe { copy_str((lib.version)()) }.unwrap_or_default();
        let dictionary = describe_dictionary(lib, path_ptr);
        Ok(Voikko {
            lib,
            handle: Mutex::new(Handle(handle)),
            version,
            dictionary,
        })
    }

    /// libvoikko's version, e.g. `4.3.1`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The Finnish dictionary in use, e.g. `suomi (perussanasto), variant standard`.
    pub fn dictionary(&self) -> &str {
        &self.dictionary
    }

    /// All analyses of one word (empty when Voikko does not know it, when
    /// it is longer than 255 characters, Voikko's limit, or contains NUL).
    pub fn analyze(&self, word: &str) -> Vec<MorAnalysis> {
        if word.is_empty() || word.chars().count() > VOIKKO_MAX_WORD_CHARS {
            return Vec::new();
        }
        let Ok(cword) = CString::new(word) else {
            return Vec::new();
        };
        let handle = self.handle.lock().unwrap_or_else(|e| e.into_inner());
        let lib = self.lib;
        // SAFETY: the handle is live (terminated only in Drop) and used by
        // this thread alone while the lock is held; `cword` is a
        // NUL-terminated UTF-8 string.
        let list = unsafe { (lib.analyze)(handle.0.as_ptr(), cword.as_ptr()) };
        if list.is_null() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let value = |analysis: *const RawAnalysis, key: &CStr| -> Option<String> {
            // SAFETY: `analysis` is an element of the live list; the value
            // returned is a fresh string we own and free right after copying.
            unsafe {
                let v = (lib.value)(analysis, key.as_ptr());
                let s = copy_str(v);
                if !v.is_null() {
                    (lib.free_value)(v);
                }
                s
            }
        };
        // SAFETY: `list` is a NULL-terminated array of analyses, valid until
        // voikko_free_mor_analysis, which is called once after the loop.
        unsafe {
            let mut i = 0;
            loop {
                let analysis = *list.add(i);
                if analysis.is_null() {
                    break;
                }
                out.push(MorAnalysis {
                    baseform: value(analysis, c"BASEFORM"),
                    wordbases: value(analysis, c"WORDBASES"),
                    structure: value(analysis, c"STRUCTURE"),
                    class: value(analysis, c"CLASS"),
                    possessive: value(analysis, c"POSSESSIVE"),
                    case: value(analysis, c"SIJAMUOTO"),
                    mood: value(analysis, c"MOOD"),
                });
                i += 1;
            }
            (lib.free_analysis)(list);
        }
        drop(handle);
        out
    }
}

impl Voikko {
    /// Spelling suggestions for a word Voikko does not accept, best first
    /// (paihteet → päihteet, vaihteet); empty for a correct word.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        if word.is_empty() || word.chars().count() > VOIKKO_MAX_WORD_CHARS {
            return Vec::new();
        }
        let Ok(cword) = CString::new(word) else {
            return Vec::new();
        };
        let handle = self.handle.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: as in `analyze`: a live handle used by this thread alone,
        // a NUL-terminated word.
        let list = unsafe { (self.lib.suggest)(handle.0.as_ptr(), cword.as_ptr()) };
        let mut out = Vec::new();
        if list.is_null() {
            return out;
        }
        // SAFETY: `list` is a NULL-terminated array of strings, valid until
        // voikkoFreeCstrArray, called once after the loop.
        unsafe {
            let mut i = 0;
            loop {
                let s = *list.add(i);
                if s.is_null() {
                    break;
                }
                out.extend(copy_str(s));
                i += 1;
            }
            (self.lib.free_cstr_array)(list);
        }
        drop(handle);
        out
    }
}

impl Drop for Voikko {
    fn drop(&mut self) {
        let handle = self.handle.get_mut().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the handle came from voikkoInit and is terminated exactly once.
        unsafe { (self.lib.terminate)(handle.0.as_ptr()) };
    }
}

/// "description, variant V" of the Finnish dictionary voikkoInit picks
/// (the first `fi` one, preferring the `standard` variant).
fn describe_dictionary(lib: &Lib, path: *const c_char) -> String {
    let mut found: Vec<(String, String)> = Vec::new();
    // SAFETY: `path` is NULL or a live NUL-terminated string; the list is
    // NULL-terminated and its strings are copied before voikko_free_dicts.
    unsafe {
        let dicts = (lib.list_dicts)(path);
        if dicts.is_null() {
            return String::new();
        }
        let mut i = 0;
        loop {
            let dict = *dicts.add(i);
            if dict.is_null() {
                break;
            }
            let language = copy_str((lib.dict_language)(dict)).unwrap_or_default();
            if language == "fi" || language.starts_with("fi-") {
                found.push((
                    copy_str((lib.dict_description)(dict)).unwrap_or_default(),
                    copy_str((lib.dict_variant)(dict)).unwrap_or_default(),
                ));
            }
            i += 1;
        }
        (lib.free_dicts)(dicts);
    }
    let chosen = found
        .iter()
        .find(|(_, variant)| variant == "standard")
        .or(found.first());
    match chosen {
        Some((description, variant)) => format!("{description}, variant {variant}"),
        None => String::new(),
    }
}
