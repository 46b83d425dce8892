//! `cell`: the boxes closures share variables through.  Mirrors `Objects/cellobject.c`.

use std::cell::RefCell;

use super::typeobject::{flags, GetSetDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[repr(C)]
pub struct PyCell {
    head: ObjectHead,
    contents: RefCell<Option<Value>>,
}

fn cell_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let c = unsafe { &*(head as *const ObjectHead as *const PyCell) };
    if let Ok(v) = c.contents.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

fn cell_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let c = unsafe { &*(head as *const ObjectHead as *const PyCell) };
    if let Some(v) = c.contents.borrow_mut().take() {
        out.push(v);
    }
}

pub static CELL_LAYOUT: Layout = crate::payload_layout!(PyCell, "cell", cell_traverse, cell_clear);

impl PyPayload for PyCell {
    fn layout() -> &'static Layout {
        &CELL_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &CELL_TYPE
    }
}

pub static CELL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "cell",
    layout: &CELL_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: CELL_GETSETS,
    doc: None,
    module: None,
});

impl PyCell {
    pub fn get(&self) -> Option<Value> {
        self.contents.borrow().clone()
    }
    pub fn set(&self, v: Option<Value>) {
        let old = std::mem::replace(&mut *self.contents.borrow_mut(), v);
        drop(old);
    }
}

pub fn new_cell(v: Option<Value>) -> Value {
    heap::alloc(&CELL_TYPE, PyCell { head: ObjectHead::uninit(), contents: RefCell::new(v) })
}

fn get_contents(_vm: &mut Vm, c: &Value) -> PyResult<Value> {
    c.downcast::<PyCell>()
        .and_then(|c| c.get())
        .ok_or_else(|| PyErr::new(&super::exceptions::VALUE_ERROR, "Cell is empty"))
}

fn set_contents(_vm: &mut Vm, c: &Value, v: Option<&Value>) -> PyResult<()> {
    if let Some(cell) = c.downcast::<PyCell>() {
        cell.set(v.cloned());
    }
    Ok(())
}

fn cell_repr(_vm: &mut Vm, c: &Value) -> PyResult<Value> {
    let contents = c.downcast::<PyCell>().and_then(|c| c.get());
    Ok(super::str::new_string(match contents {
        None => format!("<cell at {:#x}: empty>", c.word()),
        Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", c.word(), v.ty().name(), v.word()),
    }))
}

pub static CELL_GETSETS: &[GetSetDef] = &[GetSetDef::with_set("cell_contents", get_contents, set_contents)];

/// `types.CellType([contents])`.
fn cell_new(_vm: &mut Vm, _cls: &Value, args: crate::vm::Args) -> PyResult<Value> {
    args.no_kwargs("cell")?;
    let pos = args.check("cell", 0, 1)?;
    Ok(new_cell(pos.first().cloned()))
}

fn cell_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: taipan_compiler::bytecode::ComparisonOperator) -> PyResult<Value> {
    // Cells compare by contents; an empty cell is smaller than a full one.
    let (Some(x), Some(y)) = (a.downcast::<PyCell>(), b.downcast::<PyCell>()) else {
        return Ok(super::singletons::not_implemented());
    };
    match (x.get(), y.get()) {
        (Some(x), Some(y)) => crate::vm::ops::richcompare(vm, &x, &y, op),
        (x, y) => {
            let (a, b) = (x.is_some() as u8, y.is_some() as u8);
            use taipan_compiler::bytecode::ComparisonOperator as C;
            let r = match op {
                C::Lt => a < b,
                C::Le => a <= b,
                C::Eq => a == b,
                C::Ne => a != b,
                C::Gt => a > b,
                C::Ge => a >= b,
                #[allow(unreachable_patterns)]
                _ => return Ok(super::singletons::not_implemented()),
            };
            Ok(super::singletons::bool_value(r))
        }
    }
}

pub fn init_type() {
    CELL_TYPE.slots.repr.set(Some(cell_repr));
    CELL_TYPE.slots.new.set(Some(cell_new));
    CELL_TYPE.slots.richcompare.set(Some(cell_richcompare));
}
