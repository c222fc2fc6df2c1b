// Telegram's HTML (parse_mode HTML) rendered safely for the local chat page: <b>, <i>, <u>, <s>, <code>, <pre> and
// <a href> become elements, every other tag stays visible as literal text, and nothing is ever assigned to innerHTML.
// Line breaks stay "\n" in text nodes; the bubble's CSS (white-space: pre-wrap) shows them as Telegram does.
'use strict';

window.TelegramHtml = (() => {
    const ALLOWED_TAGS = new Set(['b', 'i', 'u', 's', 'code', 'pre', 'a']);
    const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>/g;
    const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
    const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
    const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tg:'];

    /** The text as a DocumentFragment of text nodes and allowed elements. */
    function render(text) {
        const root = document.createDocumentFragment();
        const open = [root];
        let last = 0;
        for (const match of text.matchAll(TAG)) {
            appendText(top(open), decodeEntities(text.slice(last, match.index)));
            if (!applyTag(open, match)) {
                appendText(top(open), match[0]);
            }
            last = match.index + match[0].length;
        }
        appendText(top(open), decodeEntities(text.slice(last)));
        return root;
    }

    const top = (open) => open[open.length - 1];

    /** Opens or closes an allowed tag; false when the tag is to be shown as text instead. */
    function applyTag(open, [, closing, rawName, attributes]) {
        const name = rawName.toLowerCase();
        if (!ALLOWED_TAGS.has(name)) {
            return false;
        }
        if (closing) {
            return closeTag(open, name);
        }
        const element = document.createElement(name);
        if (name === 'a' && !linkTo(element, attributes)) {
            return false;
        }
        top(open).appendChild(element);
        open.push(element);
        return true;
    }

    /** Closes the innermost open element of that name and any left open inside it; false if none is open. */
    function closeTag(open, name) {
        const at = open.findLastIndex((node, i) => i > 0 && node.localName === name);
        if (at < 0) {
            return false;
        }
        open.length = at;
        return true;
    }

    function linkTo(anchor, attributes) {
        const href = HREF.exec(attributes);
        const url = href && safeUrl(decodeEntities(href[1] ?? href[2]));
        if (!url) {
            return false;
        }
        anchor.href = url;
        anchor.target = '_blank';
        anchor.rel = 'noopener noreferrer';
        return true;
    }

    /** The absolute URL for web, mail and Telegram links; null for anything else (javascript:, data: ...). */
    function safeUrl(raw) {
        try {
            const url = new URL(raw, location.href);
            return SAFE_PROTOCOLS.includes(url.protocol) ? url.href : null;
        } catch {
            return null;
        }
    }

    function appendText(parent, text) {
        if (text) {
            parent.appendChild(document.createTextNode(text));
        }
    }

    function decodeEntities(raw) {
        return raw.replace(ENTITY, (whole, entity) => {
            if (entity[0] !== '#') {
                return NAMED_ENTITIES[entity];
            }
            const hex = entity[1] === 'x' || entity[1] === 'X';
            const code = hex ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
            return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        });
    }

    return { render, safeUrl };
})();
