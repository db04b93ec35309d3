"""The reader's refusals in French: a truncated or malformed XML (libxml2's English
translated, line numbers kept), the versions accepted named by one range, and the
same statement twice in one file."""

import copy

import pytest
from lxml import etree

from tests.tresorerie.camt_outils import ecrire, ligne, modifier, refus, releve
from tresorerie.releves import lire_camt
from tresorerie.releves.camt_syntaxe import erreur_de_syntaxe

REFUS = "Le fichier n'est pas un relevé camt.053 valide : ce n'est pas un document XML bien formé"


def test_un_releve_tronque_le_dit_en_francais_avec_ses_lignes():
    contenu = ecrire()
    tronque = contenu[: contenu.index(b"</Stmt>")]
    lignes = tronque.count(b"\n") + 1
    ouverte = contenu[: contenu.index(b"<Stmt>")].count(b"\n") + 1
    assert refus(tronque) == (
        f"{REFUS} (ligne {lignes} : le fichier s'arrête avant la fin de l'élément « Stmt » "
        f"ouvert ligne {ouverte} : il est tronqué)."
    )


def test_les_lignes_blanches_de_tete_comptent_dans_les_numeros():
    assert refus(b"\n\n<Document>\n<Stmt>\n") == (
        f"{REFUS} (ligne 5 : le fichier s'arrête avant la fin de l'élément « Stmt » "
        "ouvert ligne 4 : il est tronqué)."
    )


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (
            b"<Document><Stmt></Ntry></Document>",
            "ligne 1 : la balise fermante « Ntry » ne ferme pas l'élément « Stmt » ouvert ligne 1",
        ),
        (b"date;libelle", "ligne 1 : une balise ouvrante « < » est attendue : ce n'est pas un"),
        (b"<D>\xe9t\xe9</D>", "ligne 1 : caractère invalide : le texte n'est pas en UTF-8"),
        (b"<D>a\x01b</D>", "ligne 1 : caractère interdit en XML (caractère de contrôle))."),
        (b"<D></D>\n<E/>", "ligne 2 : du contenu suit la fin de l'élément racine"),
        (b"<D a></D>", "ligne 1 : l'attribut « a » n'a pas de valeur)."),
        (b"<D a=1></D>", "ligne 1 : la valeur d'un attribut doit être entre guillemets)."),
        (b"<D>a & b</D>", "ligne 1 : un « & » n'est pas suivi d'un nom d'entité"),
        (b"<D>&inconnue;</D>", "ligne 1 : l'entité « &inconnue; » n'est pas définie)."),
        (
            b"<a>" * 300 + b"</a>" * 300,
            "ligne 1 : les éléments sont imbriqués sur plus de 256 niveaux, ce qu'aucun relevé "
            "bancaire ne fait).",
        ),
    ],
)
def test_les_erreurs_de_syntaxe_courantes_sont_dites_en_francais(contenu, attendu):
    message = refus(contenu)
    assert message.startswith(f"{REFUS} ({attendu}"), message


def test_une_erreur_inconnue_garde_le_detail_anglais_entre_parentheses():
    assert erreur_de_syntaxe("Something odd happened, line 3, column 4") == (
        "erreur de syntaxe XML (Something odd happened)"
    )
    assert erreur_de_syntaxe("") == "erreur de syntaxe XML"


# --------------------------------------------------------------- a statement twice


def _deux_fois(pages=None):
    """A statement of net zero movement, its Stmt written twice (with page numbers)."""
    zero = releve(lignes=(ligne("100.00", "credit"), ligne("100.00")), identifiant="REL-Z")

    def doubler(document, ns):
        stmt = document.find(".//c:Stmt", ns)
        copie = copy.deepcopy(stmt)
        stmt.addnext(copie)
        for numero, bloc in zip(pages or (), (stmt, copie), strict=False):
            pagination = etree.Element(f"{{{ns['c']}}}StmtPgntn")
            etree.SubElement(pagination, f"{{{ns['c']}}}PgNb").text = numero
            etree.SubElement(pagination, f"{{{ns['c']}}}LastPgInd").text = (
                "true" if bloc is copie else "false"
            )
            bloc.find("c:Id", ns).addnext(pagination)

    return modifier(ecrire(zero), doubler)


def test_le_meme_releve_deux_fois_dans_un_fichier_est_refuse():
    message = refus(_deux_fois())
    assert message.startswith(
        "Le fichier n'est pas un relevé camt.053 valide : il contient deux fois le relevé "
        "« REL-Z » du 01/03/2026 au 31/03/2026 (ligne "
    )
    assert message.endswith(
        "), sans être deux pages différentes (StmtPgntn/PgNb) : ses écritures seraient "
        "comptées deux fois ; demandez à la banque un fichier corrigé."
    )
    assert refus(_deux_fois(pages=("1", "1"))).startswith(message.split(" (ligne")[0])


def test_deux_pages_d_un_releve_se_lisent():
    lu = lire_camt(_deux_fois(pages=("1", "2")))
    assert lu.identifiant == "REL-Z" and len(lu.lignes) == 4
