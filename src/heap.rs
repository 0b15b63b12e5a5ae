//! The wasm's memory allocator: free lists of power-of-two blocks over a bump pointer.
//!
//! Why our own: the wasm is `no_std` (no `core::fmt` panic plumbing, no dlmalloc), which saves
//! about a third of its size, and a card allocates a few thousand small strings that live as long
//! as the card. Size classes of powers of two are the smallest design that reuses freed memory:
//! a block of class `k` is `2^k` bytes and aligned to `2^k` (up to a page), so any alignment up to
//! its size holds, and a freed block goes back on its class's list. Waste is under half a block,
//! acceptable for a card's few hundred kilobytes.
//!
//! The logic is plain Rust over an abstract source of memory ([`Grow`]), so it is tested natively
//! (`tests` below) on a buffer; `web` plugs in `memory.grow`.

/// Blocks from 16 bytes (class 4) up to 2^31.
const MIN_CLASS: usize = 4;
const CLASSES: usize = 32;
/// Blocks are aligned to their size up to this: larger blocks are page-aligned.
const MAX_ALIGN: usize = 1 << 16;

/// Where new memory comes from: `grow(bytes)` returns the start and end of at least `bytes` more,
/// or `None` when there is none.
pub trait Grow {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// The allocator's state: a free list per class, and the unused tail of the last growth.
pub struct Heap<G> {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
    source: G,
}

/// The class of a request: the smallest power of two at least `size` and `align`, from 16 bytes.
fn class(size: usize, align: usize) -> Option<usize> {
    let need = size.max(align).max(1 << MIN_CLASS);
    let k = need.checked_next_power_of_two()?.trailing_zeros() as usize;
    (k < CLASSES).then_some(k)
}

impl<G: Grow> Heap<G> {
    pub const fn new(source: G) -> Self {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
            source,
        }
    }

    /// A block for `size` bytes aligned to `align`, or null.
    ///
    /// # Safety
    /// The caller owns the block until it passes it back to [`Heap::free`] with the same layout.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        match class(size, align) {
            Some(k) => self.take(k) as *mut u8,
            None => core::ptr::null_mut(),
        }
    }

    /// Returns a block from [`Heap::alloc`] with the same `size` and `align` to its class's list.
    ///
    /// # Safety
    /// `ptr` came from this heap with this layout and is not used again.
    pub unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if let Some(k) = class(size, align) {
            self.push(k, ptr as usize);
        }
    }

    /// Grows or shrinks a block in place when the class stays the same; else moves it.
    ///
    /// # Safety
    /// As [`Heap::free`]; the old block is not used again unless null is returned.
    pub unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8 {
        if class(size, align) == class(new_size, align) {
            return ptr;
        }
        let new = self.alloc(new_size, align);
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(ptr, new, size.min(new_size));
            self.free(ptr, size, align);
        }
        new
    }

    /// The free list of class `k`. Every class is below [`CLASSES`], a power of two: the mask
    /// spells that out, so no bounds check (a panic call and its location) is kept.
    fn list(&mut self, k: usize) -> &mut usize {
        &mut self.free[k % CLASSES]
    }

    unsafe fn push(&mut self, k: usize, block: usize) {
        let list = self.list(k);
        *(block as *mut usize) = *list;
        *list = block;
    }

    /// Pops a free block of class `k`, or carves one from the tail (growing it if needed).
    unsafe fn take(&mut self, k: usize) -> usize {
        let list = self.list(k);
        let head = *list;
        if head != 0 {
            *list = *(head as *const usize);
            return head;
        }
        let size = 1usize << k;
        let align = size.min(MAX_ALIGN);
        // Align the tail, keeping the skipped bytes as smaller free blocks (each aligned to its size).
        while self.next & (align - 1) != 0 && self.next < self.end {
            let piece = self.next & self.next.wrapping_neg();
            if self.next + piece > self.end {
                break;
            }
            self.push(piece.trailing_zeros() as usize, self.next);
            self.next += piece;
        }
        if self.next & (align - 1) != 0 || self.end - self.next < size {
            let Some((start, end)) = self.source.grow(size + align) else {
                return 0;
            };
            if start != self.end {
                self.next = start;
            }
            self.end = end;
            self.next = (self.next + align - 1) & !(align - 1);
        }
        let block = self.next;
        self.next += size;
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// A fixed buffer handed out in growths, like `memory.grow`.
    struct Buffer {
        next: usize,
        end: usize,
    }

    impl Grow for Buffer {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let start = self.next;
            (self.end - start >= bytes).then(|| {
                self.next += bytes;
                (start, self.next)
            })
        }
    }

    fn heap(bytes: usize) -> (Vec<u128>, Heap<Buffer>) {
        let mem = vec![0u128; bytes / 16];
        let start = mem.as_ptr() as usize;
        // Start off any power-of-two boundary, as a real heap base is.
        let h = Heap::new(Buffer {
            next: start + 48,
            end: start + bytes,
        });
        (mem, h)
    }

    /// A small deterministic generator for the random sequence (no dependency).
    fn lcg(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as usize
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(0, 1), Some(4));
        assert_eq!(class(16, 8), Some(4));
        assert_eq!(class(17, 1), Some(5));
        assert_eq!(class(3, 64), Some(6));
        assert_eq!(class(usize::MAX, 1), None);
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes() {
        let (_mem, mut h) = heap(8 << 20);
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new(); // ptr, size, align, fill
        let mut seed = 7;
        for round in 0..20_000 {
            let r = lcg(&mut seed);
            if r % 3 == 0 && !live.is_empty() {
                let (p, size, align, fill) = live.swap_remove(r % live.len());
                let bytes = unsafe { core::slice::from_raw_parts(p as *const u8, size) };
                assert!(
                    bytes.iter().all(|&b| b == fill),
                    "round {round}: block changed"
                );
                unsafe { h.free(p as *mut u8, size, align) };
            } else if r % 3 == 1 && !live.is_empty() {
                let i = r % live.len();
                let (p, size, align, fill) = live[i];
                let new_size = lcg(&mut seed) % 3000;
                let q = unsafe { h.realloc(p as *mut u8, size, align, new_size) } as usize;
                assert_ne!(q, 0);
                let kept =
                    unsafe { core::slice::from_raw_parts(q as *const u8, size.min(new_size)) };
                assert!(
                    kept.iter().all(|&b| b == fill),
                    "round {round}: realloc lost bytes"
                );
                unsafe { core::ptr::write_bytes(q as *mut u8, fill, new_size) };
                live[i] = (q, new_size, align, fill);
            } else {
                let size = match r % 10 {
                    0 => lcg(&mut seed) % 70_000,
                    _ => lcg(&mut seed) % 200,
                };
                let align = 1 << (lcg(&mut seed) % 7);
                let p = unsafe { h.alloc(size, align) } as usize;
                assert_ne!(p, 0);
                assert_eq!(p % align, 0, "misaligned");
                let fill = (round % 251) as u8;
                unsafe { core::ptr::write_bytes(p as *mut u8, fill, size) };
                live.push((p, size, align, fill));
            }
            if round % 1000 == 0 {
                let mut spans: Vec<(usize, usize)> = live.iter().map(|l| (l.0, l.1)).collect();
                spans.sort();
                for w in spans.windows(2) {
                    assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap");
                }
            }
        }
    }

    #[test]
    fn freed_blocks_are_reused() {
        let (_mem, mut h) = heap(1 << 20);
        let a = unsafe { h.alloc(100, 8) };
        unsafe { h.free(a, 100, 8) };
        let b = unsafe { h.alloc(120, 4) };
        assert_eq!(a, b, "a block of the same class comes back");
        let before = h.next;
        for _ in 0..1000 {
            let p = unsafe { h.alloc(24, 8) };
            unsafe { h.free(p, 24, 8) };
        }
        assert!(
            h.next - before <= 32,
            "alloc/free in a loop does not grow the heap"
        );
    }

    #[test]
    fn running_out_is_null_not_a_crash() {
        let (_mem, mut h) = heap(1 << 16);
        assert!(unsafe { h.alloc(1 << 20, 8) }.is_null());
        assert!(!unsafe { h.alloc(64, 8) }.is_null());
    }
}
