"""libxml2's syntax errors, said in French for the agent comptable.

libxml2 (through lxml) words its refusals in English (« Premature end of data in
tag Stmt line 8 »); the common ones are translated here, keeping the line
numbers, and any other is given as « erreur de syntaxe XML » with libxml2's
words in parentheses."""

from __future__ import annotations

import re

_POSITION = re.compile(r",? line \d+, column \d+\s*$")


def _ligne(numero: str, decalage: int) -> str:
    return str(int(numero) + decalage)


# (libxml2's message, its French wording given the match and the lines' offset)
_MESSAGES = (
    (
        re.compile(r"Premature end of data in tag (\S+) line (\d+)"),
        lambda m, d: (
            f"le fichier s'arrête avant la fin de l'élément « {m[1]} » ouvert ligne "
            f"{_ligne(m[2], d)} : il est tronqué"
        ),
    ),
    (
        re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"),
        lambda m, d: (
            f"la balise fermante « {m[3]} » ne ferme pas l'élément « {m[1]} » ouvert ligne "
            f"{_ligne(m[2], d)}"
        ),
    ),
    (
        re.compile(r"Start tag expected, '<' not found"),
        lambda m, d: "une balise ouvrante « < » est attendue : ce n'est pas un fichier XML",
    ),
    (
        re.compile(r"Document is empty"),
        lambda m, d: "le document ne contient aucun élément",
    ),
    (
        re.compile(r"Input is not proper UTF-8|Invalid bytes in character encoding"),
        lambda m, d: (
            "caractère invalide : le texte n'est pas en UTF-8 (un fichier en Latin-1 ou "
            "Windows-1252 doit le dire dans sa déclaration XML) ; demandez à la banque un "
            "fichier en UTF-8"
        ),
    ),
    (
        re.compile(
            r"(?:PCDATA invalid Char value|invalid character in attribute value"
            r"|Char 0x[0-9A-Fa-f]+ out of allowed range|CData section not finished)"
        ),
        lambda m, d: "caractère interdit en XML (caractère de contrôle)",
    ),
    (
        re.compile(r"Extra content at the end of the document"),
        lambda m, d: "du contenu suit la fin de l'élément racine (deux documents collés ?)",
    ),
    (
        re.compile(r"Specification mandates value for attribute (\S+)"),
        lambda m, d: f"l'attribut « {m[1]} » n'a pas de valeur",
    ),
    (
        re.compile(r"AttValue: \" or ' expected"),
        lambda m, d: "la valeur d'un attribut doit être entre guillemets",
    ),
    (
        re.compile(r"attributes construct error|Couldn't find end of Start Tag (\S+)"),
        lambda m, d: (
            "une balise ouvrante n'est pas terminée par « > »"
            + (f" (« {m[1]} »)" if m.lastindex else "")
        ),
    ),
    (
        re.compile(r"Unescaped '<' not allowed in attributes values"),
        lambda m, d: "un « < » figure dans la valeur d'un attribut (il s'écrit &lt;)",
    ),
    (
        re.compile(r"xmlParseEntityRef: no name"),
        lambda m, d: "un « & » n'est pas suivi d'un nom d'entité (il s'écrit &amp;)",
    ),
    (
        re.compile(r"Entity '([^']*)' not defined"),
        lambda m, d: f"l'entité « &{m[1]}; » n'est pas définie",
    ),
    (
        re.compile(r"Unsupported encoding:? ?(\S*)"),
        lambda m, d: f"l'encodage « {m[1]} » déclaré n'est pas pris en charge",
    ),
    (
        re.compile(r"XML declaration allowed only at the start of the document"),
        lambda m, d: "la déclaration XML « <?xml … ?> » n'est permise qu'au début du fichier",
    ),
    (
        re.compile(r"Excessive depth in document: (\d+)"),
        lambda m, d: (
            f"les éléments sont imbriqués sur plus de {m[1]} niveaux, ce qu'aucun relevé "
            "bancaire ne fait"
        ),
    ),
)


def erreur_de_syntaxe(message: str, decalage: int = 0) -> str:
    """libxml2's `message` in French (without its position, given apart); `decalage`:
    the lines before the parsed text, added to the line numbers it names."""
    anglais = _POSITION.sub("", (message or "").strip())
    for motif, francais in _MESSAGES:
        trouve = motif.search(anglais)
        if trouve:
            return francais(trouve, decalage)
    return f"erreur de syntaxe XML ({anglais})" if anglais else "erreur de syntaxe XML"
