//! The `glose` binary's code: the command line (`cli`) and the reader (`tui`).
//!
//! Everything else lives in the `glose-core` crate, which knows no terminal; it is
//! re-exported here so the binary's modules and the integration tests can name it
//! as `glose::...`.

pub use glose_core::*;

/// The allocator of the binary, the benches and the tests (they link this crate);
/// `glose-core` leaves the choice to whoever links it. See [`Alloc`].
#[global_allocator]
static ALLOC: Alloc = Alloc;

/// Small blocks from mimalloc, large ones from the system allocator. Extraction
/// makes and drops many small strings and vectors, which mimalloc's thread-local
/// free lists serve for a fraction of the system allocator's cost; a large buffer
/// (an article read from standard input, a long block's vectors) grows in place
/// with the system's `mremap`, where mimalloc would copy it and hold both copies
/// (fault 12's memory bounds: 300 MB on standard input peaked at 667 MB so).
pub struct Alloc;

/// From this size on, a block is the system allocator's. Rust hands back every
/// block with the size it was allocated with, so the size alone tells whose it is.
const LARGE: usize = 16 << 10;

// SAFETY: each block goes back to the allocator that made it: the one its size
// names, in `dealloc` as in `realloc`; a block that crosses the threshold is copied
// from one to the other.
unsafe impl std::alloc::GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            std::alloc::System.alloc(layout)
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            std::alloc::System.alloc_zeroed(layout)
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if layout.size() >= LARGE {
            std::alloc::System.dealloc(ptr, layout)
        } else {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        match (layout.size() >= LARGE, new_size >= LARGE) {
            (false, false) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
            (true, true) => std::alloc::System.realloc(ptr, layout, new_size),
            _ => {
                // SAFETY: the caller guarantees a valid size for this alignment.
                let new = std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
                let out = self.alloc(new);
                if !out.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                out
            }
        }
    }
}

pub mod browser;
pub mod cli;
pub mod index_cli;
pub mod tui;
pub mod web_cli;
