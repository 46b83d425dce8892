//! The memory runtime: values, the heap, the cycle collector, signals, and the small
//! pieces of Unicode and hashing support they need.  The `unsafe` code of the
//! interpreter lives here (see each file's invariants).

pub mod gc;
pub mod heap;
pub mod signals;
pub mod siphash;
pub mod unicode;
pub mod value;
