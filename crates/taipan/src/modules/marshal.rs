//! The `marshal` module.  Mirrors the interface of CPython's `Python/marshal.c`.
//!
//! NOTE: Taipan has no bytecode cache (`sys.implementation.cache_tag` is None), so
//! nothing inside the interpreter reads or writes marshal data; `dumps`/`loads` support
//! the plain data types (None, bool, int, float, str, bytes, tuple, list, dict, set,
//! frozenset) in CPython's version-4 format, without reference sharing, and code
//! objects are rejected as unmarshallable.

use super::ModuleDef;
use crate::objects::bytes::{as_bytes, as_bytes_like, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::float::{as_f64, new_float};
use crate::objects::int::{as_int, new_bigint, new_int, IntRef};
use crate::objects::list::{as_list, PyList};
use crate::objects::singletons::{bool_value, ellipsis, is_none, none};
use crate::objects::str::{as_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

fn unmarshallable() -> PyErr {
    value_error("unmarshallable object")
}

fn w_long(out: &mut Vec<u8>, n: i32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn w_object(vm: &mut Vm, v: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > 2000 {
        return Err(value_error("object too deeply nested to marshal"));
    }
    if is_none(v) {
        out.push(b'N');
    } else if v.is(&bool_value(true)) {
        out.push(b'T');
    } else if v.is(&bool_value(false)) {
        out.push(b'F');
    } else if v.is(&ellipsis()) {
        out.push(b'.');
    } else if let Some(i) = as_int(v).filter(|_| crate::objects::int::is_int(v)) {
        match i {
            IntRef::Small(n) if i32::try_from(n).is_ok() => {
                out.push(b'i');
                w_long(out, n as i32);
            }
            other => {
                // Base-2**15 digits, sign in the digit count.
                let big = other.to_bigint();
                let (sign, mut mag) = (big.sign(), big.magnitude().clone());
                let mut digits = Vec::new();
                let base = num_bigint::BigUint::from(1u32 << 15);
                while mag > num_bigint::BigUint::from(0u32) {
                    let d = (&mag % &base).to_u32_digits().first().copied().unwrap_or(0);
                    digits.push(d as u16);
                    mag /= &base;
                }
                out.push(b'l');
                let n = digits.len() as i32;
                w_long(out, if sign == num_bigint::Sign::Minus { -n } else { n });
                for d in digits {
                    out.extend_from_slice(&d.to_le_bytes());
                }
            }
        }
    } else if let Some(f) = as_f64(v).filter(|_| v.ty().name() == "float") {
        out.push(b'g');
        out.extend_from_slice(&f.to_le_bytes());
    } else if let Some(s) = as_str(v) {
        out.push(b'u');
        w_long(out, s.len() as i32);
        out.extend_from_slice(s.as_bytes());
    } else if let Some(b) = as_bytes(v) {
        out.push(b's');
        w_long(out, b.len() as i32);
        out.extend_from_slice(b);
    } else if let Some(items) = as_tuple(v) {
        let items = items.to_vec();
        out.push(b'(');
        w_long(out, items.len() as i32);
        for x in &items {
            w_object(vm, x, out, depth + 1)?;
        }
    } else if let Some(l) = as_list(v) {
        let items = l.snapshot();
        out.push(b'[');
        w_long(out, items.len() as i32);
        for x in &items {
            w_object(vm, x, out, depth + 1)?;
        }
    } else if v.downcast::<PyDict>().is_some() {
        out.push(b'{');
        for (k, x) in PyDict::items_vec(v) {
            w_object(vm, &k, out, depth + 1)?;
            w_object(vm, &x, out, depth + 1)?;
        }
        out.push(b'0');
    } else if matches!(v.ty().name().as_str(), "set" | "frozenset") {
        let items = crate::vm::ops::collect_iter(vm, v)?;
        out.push(if v.ty().name() == "set" { b'<' } else { b'>' });
        w_long(out, items.len() as i32);
        for x in &items {
            w_object(vm, x, out, depth + 1)?;
        }
    } else {
        return Err(unmarshallable());
    }
    Ok(())
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

fn eof() -> PyErr {
    PyErr::new(&crate::objects::exceptions::EOF_ERROR, "marshal data too short")
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.data.len()).ok_or_else(eof)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self) -> PyResult<usize> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| value_error("bad marshal data (size out of range)"))
    }

    fn object(&mut self, vm: &mut Vm, depth: usize) -> PyResult<Value> {
        if depth > 2000 {
            return Err(value_error("recursion limit exceeded"));
        }
        let code = self.take(1)?[0] & 0x7f;
        Ok(match code {
            b'N' => none(),
            b'T' => bool_value(true),
            b'F' => bool_value(false),
            b'.' => ellipsis(),
            b'i' => new_int(self.long()? as i64),
            b'l' => {
                let n = self.long()?;
                let mut mag = num_bigint::BigInt::from(0);
                let digits = self.take(n.unsigned_abs() as usize * 2)?.to_vec();
                for ch in digits.chunks(2).rev() {
                    mag = (mag << 15) + u16::from_le_bytes([ch[0], ch[1]]);
                }
                new_bigint(if n < 0 { -mag } else { mag })
            }
            b'g' => {
                let b = self.take(8)?;
                new_float(f64::from_le_bytes(b.try_into().map_err(|_| eof())?))
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.size()?;
                let b = self.take(n)?;
                new_string(String::from_utf8(b.to_vec()).map_err(|_| value_error("bad marshal data (invalid utf-8)"))?)
            }
            b'z' | b'Z' => {
                let n = self.take(1)?[0] as usize;
                new_string(String::from_utf8_lossy(self.take(n)?).into_owned())
            }
            b's' => {
                let n = self.size()?;
                new_bytes(self.take(n)?.to_vec())
            }
            b'(' | b'[' | b'<' | b'>' | b')' => {
                let n = if code == b')' { self.take(1)?[0] as usize } else { self.size()? };
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object(vm, depth + 1)?);
                }
                match code {
                    b'[' => PyList::new_value(items),
                    b'<' => crate::objects::set::new_set(vm, items)?,
                    b'>' => crate::objects::set::new_frozenset(vm, items)?,
                    _ => new_tuple(items),
                }
            }
            b'{' => {
                let d = PyDict::new_value();
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.object(vm, depth + 1)?;
                    let v = self.object(vm, depth + 1)?;
                    PyDict::set_item(vm, &d, k, v)?;
                }
                d
            }
            _ => return Err(value_error("bad marshal data (unknown type code)")),
        })
    }
}

fn marshal_dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("dumps", 1, 2)?;
    let mut out = Vec::new();
    w_object(vm, &pos[0], &mut out, 0)?;
    Ok(new_bytes(out))
}

fn marshal_loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data] = args.exact::<1>("loads")?;
    let bytes = as_bytes_like(data).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", data.ty().name())))?;
    Reader { data: &bytes, pos: 0 }.object(vm, 0)
}

fn marshal_dump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("dump", 2, 3)?;
    let mut out = Vec::new();
    w_object(vm, &pos[0], &mut out, 0)?;
    crate::vm::call::call_method(vm, &pos[1], "write", &[new_bytes(out)])?;
    Ok(none())
}

fn marshal_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [file] = args.exact::<1>("load")?;
    let data = crate::vm::call::call_method(vm, file, "read", &[])?;
    let bytes = as_bytes_like(&data).ok_or_else(|| type_error("file.read() returned not bytes"))?;
    Reader { data: &bytes, pos: 0 }.object(vm, 0)
}

pub static MARSHAL_METHODS: &[MethodDef] = &[
    MethodDef::method("dumps", marshal_dumps),
    MethodDef::method("loads", marshal_loads),
    MethodDef::method("dump", marshal_dump),
    MethodDef::method("load", marshal_load),
];

fn init(_vm: &mut Vm, m: &Value) -> PyResult<()> {
    super::add_object(m, "version", new_int(4));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "marshal", doc: None, methods: MARSHAL_METHODS, init: Some(init) };
