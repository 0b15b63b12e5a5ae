//! A few DOM helpers so rendering code reads as structure. Text only ever goes in through
//! `Node::set_text_content` / text nodes, never as markup: recipe text cannot inject HTML.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

pub type Res<T> = Result<T, JsValue>;

#[derive(Clone)]
pub struct Dom {
    pub doc: Document,
}

impl Dom {
    /// `<tag class=… part=…>`; empty `class` or `part` are left off.
    pub fn el(&self, tag: &str, class: &str, part: &str) -> Res<Element> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !part.is_empty() {
            e.set_attribute("part", part)?;
        }
        Ok(e)
    }

    /// An element holding `text` as text, appended to `parent`.
    pub fn text(
        &self,
        parent: &Node,
        tag: &str,
        class: &str,
        part: &str,
        text: &str,
    ) -> Res<Element> {
        let e = self.el(tag, class, part)?;
        e.set_text_content(Some(text));
        parent.append_child(&e)?;
        Ok(e)
    }

    /// An empty element appended to `parent`.
    pub fn child(&self, parent: &Node, tag: &str, class: &str, part: &str) -> Res<Element> {
        let e = self.el(tag, class, part)?;
        parent.append_child(&e)?;
        Ok(e)
    }

    /// A bare text node appended to `parent`.
    pub fn words(&self, parent: &Node, text: &str) -> Res<()> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }
}
