//! Built-in types, one file per type (CPython's `Objects/`).
//!
//! Start-up (`init_types`) first sets every type's native slots, then readies the types
//! in base-before-subclass order (dicts, MROs, slot wrappers), like CPython's
//! `_PyTypes_InitTypes`.

pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_views;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod function;
pub mod generator;
pub mod genericalias;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod namespace;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod slots;
pub mod str;
pub mod str_methods;
pub mod structseq;
pub mod superobject;
pub mod tuple;
pub mod typeobject;
pub mod typeobject_methods;
pub mod typeobject_new;
pub mod typevar;
pub mod unicodectype;
pub mod unicodectype_db;
pub mod weakref;

use typeobject::PyType;

/// Every static type, bases before subclasses.
pub fn static_types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = vec![
        &object::OBJECT_TYPE,
        &typeobject::TYPE_TYPE,
        &int::INT_TYPE,
        &singletons::BOOL_TYPE,
        &float::FLOAT_TYPE,
        &complex::COMPLEX_TYPE,
        &str::STR_TYPE,
        &bytes::BYTES_TYPE,
        &bytearray::BYTEARRAY_TYPE,
        &memoryview::MEMORYVIEW_TYPE,
        &bytes::BYTES_ITERATOR_TYPE,
        &bytes::BYTEARRAY_ITERATOR_TYPE,
        &list::LIST_TYPE,
        &list::LIST_REVITER_TYPE,
        &tuple::TUPLE_TYPE,
        &dict::DICT_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
        &set::SET_ITERATOR_TYPE,
        &singletons::NONE_TYPE,
        &singletons::NOT_IMPLEMENTED_TYPE,
        &singletons::ELLIPSIS_TYPE,
        &function::FUNCTION_TYPE,
        &function::METHOD_TYPE,
        &function::BUILTIN_FUNCTION_TYPE,
        &function::METHOD_DESCR_TYPE,
        &function::CLASSMETHOD_DESCR_TYPE,
        &slots::WRAPPER_DESCR_TYPE,
        &descr::GETSET_DESCR_TYPE,
        &descr::MEMBER_DESCR_TYPE,
        &descr::STATICMETHOD_TYPE,
        &descr::CLASSMETHOD_TYPE,
        &descr::PROPERTY_TYPE,
        &cell::CELL_TYPE,
        &code::CODE_TYPE,
        &module::MODULE_TYPE,
        &namespace::NAMESPACE_TYPE,
        &mappingproxy::MAPPINGPROXY_TYPE,
        &slice::SLICE_TYPE,
        &range::RANGE_TYPE,
        &range::RANGE_ITER_TYPE,
        &range::LONGRANGE_ITER_TYPE,
        &function::METHOD_WRAPPER_TYPE,
        &iter::SEQ_ITER_TYPE,
        &iter::LIST_ITER_TYPE,
        &iter::TUPLE_ITER_TYPE,
        &iter::STR_ITER_TYPE,
        &iter::STR_ASCII_ITER_TYPE,
        &iter::REVERSED_TYPE,
        &iter::CALL_ITER_TYPE,
        &iter::ENUMERATE_TYPE,
        &iter::ZIP_TYPE,
        &iter::MAP_TYPE,
        &iter::FILTER_TYPE,
        &generator::GENERATOR_TYPE,
        &generator::COROUTINE_TYPE,
        &generator::ASYNC_GENERATOR_TYPE,
        &generator::CORO_WRAPPER_TYPE,
        &generator::AGW_TYPE,
        &generator::AGS_TYPE,
        &generator::ANEXT_AWAITABLE_TYPE,
        &dict_views::DICT_KEYS_TYPE,
        &dict_views::DICT_VALUES_TYPE,
        &dict_views::DICT_ITEMS_TYPE,
        &dict_views::DICT_KEYITER_TYPE,
        &dict_views::DICT_VALUEITER_TYPE,
        &dict_views::DICT_ITEMITER_TYPE,
        &dict_views::DICT_REVKEYITER_TYPE,
        &dict_views::DICT_REVVALUEITER_TYPE,
        &dict_views::DICT_REVITEMITER_TYPE,
        &superobject::SUPER_TYPE,
        &genericalias::GENERIC_ALIAS_TYPE,
        &genericalias::UNION_TYPE,
        &typevar::TYPEVAR_TYPE,
        &typevar::PARAMSPEC_TYPE,
        &typevar::TYPEVARTUPLE_TYPE,
        &typevar::TYPEALIAS_TYPE,
        &typevar::GENERIC_TYPE,
        &weakref::REF_TYPE,
        &weakref::PROXY_TYPE,
        &weakref::CALLABLE_PROXY_TYPE,
        &crate::vm::traceback::TRACEBACK_TYPE,
        &crate::vm::traceback::FRAME_TYPE,
    ];
    v.extend(exceptions::all_exception_types().iter().copied());
    v
}

pub fn init_types() {
    typeobject::init_method_cache();
    object::init_type();
    typeobject_methods::init_type();
    int::init_type();
    singletons::init_types();
    float::init_type();
    complex::init_type();
    str::init_type();
    bytes::init_types();
    bytearray::init_type();
    memoryview::init_type();
    list::init_type();
    tuple::init_type();
    dict::init_type();
    set::init_types();
    function::init_types();
    slots::init_types();
    descr::init_types();
    cell::init_type();
    code::init_type();
    module::init_type();
    namespace::init_type();
    mappingproxy::init_type();
    slice::init_type();
    range::init_types();
    iter::init_types();
    generator::init_types();
    dict_views::init_types();
    superobject::init_type();
    genericalias::init_types();
    typevar::init_types();
    weakref::init_types();
    exceptions::init_types();
    crate::vm::traceback::init_types();
    for t in static_types() {
        typeobject_methods::init_static_type(t);
    }
    let eg = exceptions::BASE_EXCEPTION_GROUP.dict_value();
    for m in exception_group::EG_METHODS {
        dict::PyDict::set_str(&eg, m.name, function::new_method_descr(m, &exceptions::BASE_EXCEPTION_GROUP));
    }
    typeobject::invalidate_type_cache();
}
