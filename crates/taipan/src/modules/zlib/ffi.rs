//! The only `unsafe` code of the `zlib` module: a safe wrapper around the zlib C library
//! (built from source by the `libz-sys` crate, as CPython links the system zlib).
//!
//! Invariants this file keeps, on which every `unsafe` block below relies:
//! - A `Stream` owns one heap-allocated (`Box`ed) `z_stream` that never moves: zlib's
//!   internal state points back at its `z_stream` and checks that it still does.
//! - `zalloc`/`zfree` are always this file's `z_alloc`/`z_free` (calloc/free), set before
//!   any zlib call, so the stream is never seen with null allocator pointers.
//! - `next_in`/`next_out` are set from live Rust slices immediately before each
//!   `deflate`/`inflate` call and reset to null right after it: zlib copies what it keeps
//!   into its own window, so no pointer into Rust memory outlives the call.
//! - After `deflateEnd`/`inflateEnd` zlib sets the internal state to null; every zlib
//!   entry point then answers `Z_STREAM_ERROR` without touching memory, so calling the
//!   wrappers on an ended stream is safe (the module relies on that to reproduce
//!   CPython's errors), and `Drop` ending an already-ended stream is harmless.
//! - `msg` is either null or one of zlib's static C strings.

use std::ffi::{c_int, c_uint, c_void, CStr};

use libz_sys as z;

pub use z::{
    Z_BUF_ERROR, Z_DATA_ERROR, Z_MEM_ERROR, Z_NEED_DICT, Z_OK, Z_STREAM_END, Z_STREAM_ERROR,
    Z_VERSION_ERROR,
};

extern "C" fn z_alloc(_opaque: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    // SAFETY: calloc accepts any sizes and returns null on failure, which zlib handles.
    unsafe { libc::calloc(items as usize, size as usize) }
}

extern "C" fn z_free(_opaque: *mut c_void, address: *mut c_void) {
    // SAFETY: `address` came from `z_alloc` (or is null).
    unsafe { libc::free(address) }
}

fn blank_stream() -> Box<z::z_stream> {
    Box::new(z::z_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null_mut(),
        state: std::ptr::null_mut(),
        zalloc: z_alloc,
        zfree: z_free,
        opaque: std::ptr::null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Deflate,
    Inflate,
}

/// One zlib compression or decompression stream.
pub struct Stream {
    strm: Box<z::z_stream>,
    kind: Kind,
}

/// What one `deflate`/`inflate` call did.
pub struct Step {
    pub code: c_int,
    pub consumed: usize,
    pub produced: usize,
}

fn stream_size() -> c_int {
    std::mem::size_of::<z::z_stream>() as c_int
}

impl Stream {
    /// `deflateInit2`; on failure the error code and zlib's message.
    pub fn deflate_init(
        level: c_int,
        method: c_int,
        wbits: c_int,
        mem_level: c_int,
        strategy: c_int,
    ) -> Result<Stream, (c_int, Option<String>)> {
        let mut s = Stream {
            strm: blank_stream(),
            kind: Kind::Deflate,
        };
        // SAFETY: a blank stream with our allocators; the version string is zlib's own.
        let code = unsafe {
            z::deflateInit2_(
                &mut *s.strm,
                level,
                method,
                wbits,
                mem_level,
                strategy,
                z::zlibVersion(),
                stream_size(),
            )
        };
        if code == Z_OK {
            Ok(s)
        } else {
            Err((code, s.msg()))
        }
    }

    /// `inflateInit2`; on failure the error code and zlib's message.
    pub fn inflate_init(wbits: c_int) -> Result<Stream, (c_int, Option<String>)> {
        let mut s = Stream {
            strm: blank_stream(),
            kind: Kind::Inflate,
        };
        // SAFETY: as in `deflate_init`.
        let code =
            unsafe { z::inflateInit2_(&mut *s.strm, wbits, z::zlibVersion(), stream_size()) };
        if code == Z_OK {
            Ok(s)
        } else {
            Err((code, s.msg()))
        }
    }

    /// zlib's message for the last error, if it set one.
    pub fn msg(&self) -> Option<String> {
        if self.strm.msg.is_null() {
            return None;
        }
        // SAFETY: non-null `msg` is one of zlib's static NUL-terminated strings.
        let s = unsafe { CStr::from_ptr(self.strm.msg) };
        Some(s.to_string_lossy().into_owned())
    }

    /// One `deflate` or `inflate` call with `flush` over `input` into `out`.
    pub fn step(&mut self, input: &[u8], out: &mut [u8], flush: c_int) -> Step {
        let avail_in = input.len().min(c_uint::MAX as usize);
        let avail_out = out.len().min(c_uint::MAX as usize);
        self.strm.next_in = input.as_ptr().cast_mut();
        self.strm.avail_in = avail_in as c_uint;
        self.strm.next_out = out.as_mut_ptr();
        self.strm.avail_out = avail_out as c_uint;
        // SAFETY: the pointers name live slices of the lengths given (zlib never writes
        // through `next_in`); they are cleared again below.
        let code = unsafe {
            match self.kind {
                Kind::Deflate => z::deflate(&mut *self.strm, flush),
                Kind::Inflate => z::inflate(&mut *self.strm, flush),
            }
        };
        let consumed = avail_in - self.strm.avail_in as usize;
        let produced = avail_out - self.strm.avail_out as usize;
        self.strm.next_in = std::ptr::null_mut();
        self.strm.avail_in = 0;
        self.strm.next_out = std::ptr::null_mut();
        self.strm.avail_out = 0;
        Step {
            code,
            consumed,
            produced,
        }
    }

    /// `deflateSetDictionary` / `inflateSetDictionary`.
    pub fn set_dictionary(&mut self, dict: &[u8]) -> c_int {
        let Ok(len) = c_uint::try_from(dict.len()) else {
            return Z_STREAM_ERROR;
        };
        // SAFETY: zlib copies `len` bytes from `dict` during the call.
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateSetDictionary(&mut *self.strm, dict.as_ptr(), len),
                Kind::Inflate => z::inflateSetDictionary(&mut *self.strm, dict.as_ptr(), len),
            }
        }
    }

    /// `deflateCopy` / `inflateCopy`: an independent stream in the same state.
    pub fn copy(&mut self) -> Result<Stream, (c_int, Option<String>)> {
        let mut dest = Stream {
            strm: blank_stream(),
            kind: self.kind,
        };
        // SAFETY: both streams are boxed; on success zlib points the copy's state at
        // `dest.strm`, on failure it leaves `dest` without state.
        let code = unsafe {
            match self.kind {
                Kind::Deflate => z::deflateCopy(&mut *dest.strm, &mut *self.strm),
                Kind::Inflate => z::inflateCopy(&mut *dest.strm, &mut *self.strm),
            }
        };
        if code == Z_OK {
            Ok(dest)
        } else {
            // The failed copy may hold our source's pointers: forget them before Drop.
            dest.strm.state = std::ptr::null_mut();
            Err((code, self.msg()))
        }
    }

    /// `deflateEnd` / `inflateEnd`.
    pub fn end(&mut self) -> c_int {
        // SAFETY: see the invariants: ending twice answers Z_STREAM_ERROR.
        unsafe {
            match self.kind {
                Kind::Deflate => z::deflateEnd(&mut *self.strm),
                Kind::Inflate => z::inflateEnd(&mut *self.strm),
            }
        }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if !self.strm.state.is_null() {
            self.end();
        }
    }
}

/// `crc32` over `data`, continuing from `value`.
pub fn crc32(mut value: u32, data: &[u8]) -> u32 {
    for chunk in data.chunks(1 << 30) {
        // SAFETY: reads `chunk.len()` bytes of a live slice.
        value = unsafe { z::crc32(value.into(), chunk.as_ptr(), chunk.len() as c_uint) } as u32;
    }
    value
}

/// `adler32` over `data`, continuing from `value`.
pub fn adler32(mut value: u32, data: &[u8]) -> u32 {
    for chunk in data.chunks(1 << 30) {
        // SAFETY: as in `crc32`.
        value = unsafe { z::adler32(value.into(), chunk.as_ptr(), chunk.len() as c_uint) } as u32;
    }
    value
}

/// `zlibVersion()`: the version of the library linked in.
pub fn runtime_version() -> String {
    // SAFETY: zlib returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(z::zlibVersion()) }
        .to_string_lossy()
        .into_owned()
}
