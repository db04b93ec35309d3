"""Lost orders (certificate of non-payment, duplicata) (circ. 93/82 §2.1.4);
réimputation is in `depenses.services.reimputation`.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    TransitionInterdite,
    relever_erreur_base,
)
from depenses.models import (
    CertificatNonPaiement,
    CompteurOrdreDepense,
    LigneOrdreDepense,
    OrdreDepense,
)
from depenses.services.communs import (
    NATURE_DELEGATION,
    _aujourd_hui,
    _verrouiller,
    empreinte_contenu,
)
from ordres import services as commun
from ordres.services import (
    exiger_etat,
    exiger_transition,
    numero_suivant,
)
from personnes.permissions import exiger_comptable, pouvoir_ordonnateur
from personnes.signature import verifier_mot_de_passe

# --- Lost orders ---------------------------------------------------------------------


@transaction.atomic
def certificat_non_paiement_delivrer(
    *, acting_user, ordre: OrdreDepense, observation: str = ""
) -> CertificatNonPaiement:
    """The agent comptable certifies a lost order was not paid (circ. §2.1.4)."""
    exiger_comptable(acting_user, _aujourd_hui(), "certifier le non-paiement d'un ordre")
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.TRANSMIS, OrdreDepense.Etat.VISE}, "déclarer perdu")
    certificat = CertificatNonPaiement.objects.create(
        ordre=ordre, par=acting_user, observation=observation
    )
    audit(
        acting_user,
        "ordre_depense.certificat_non_paiement",
        ordre,
        apres={"observation": observation},
    )
    return certificat


def ordre_depense_dupliquer(*, acting_user, ordre: OrdreDepense, mot_de_passe: str) -> OrdreDepense:
    """Issue the duplicata of a lost order, on the agent comptable's certificate."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            if not CertificatNonPaiement.objects.filter(ordre=ordre).exists():
                raise TransitionInterdite(
                    "Un duplicata ne s'émet que sur le certificat de l'agent comptable "
                    "attestant que l'ordre n'a pas été payé (circulaire 93/82 §2.1.4)."
                )
            exiger_transition(ordre, OrdreDepense.Etat.REMPLACE, "dupliquer")
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=ordre.compte_imputation.numero,
                le=_aujourd_hui(),
            )
            exclus = (
                "id",
                "numero",
                "duplicata_de_id",
                "regularise_id",
                "cree_par_id",
                "cree_le",
                "etat",
                "empreinte_contenu",
                "transmis_le",
                "vise_le",
                "vise_par_id",
                "ecriture_id",
            )
            champs = {
                f.attname: getattr(ordre, f.attname)
                for f in OrdreDepense._meta.concrete_fields
                if f.attname not in exclus
            }
            if ordre.pieces.exists():
                # The pièces stay on the lost order; the duplicata refers to them
                # (circ. 93/82 §2.1.3), as a signed order must.
                renvoi = f"Pièces jointes à l'ordre n° {ordre.reference}, dont il est le duplicata."
                champs["pieces_references"] = f"{renvoi} {champs['pieces_references']}".strip()
            duplicata = OrdreDepense.objects.create(
                **champs,
                numero=numero_suivant(CompteurOrdreDepense, ordre.exercice),
                duplicata_de=ordre,
                cree_par=acting_user,
            )
            LigneOrdreDepense.objects.bulk_create(
                LigneOrdreDepense(
                    ordre=duplicata,
                    creancier=lg.creancier,
                    qualite=lg.qualite,
                    identifiant=lg.identifiant,
                    iban=lg.iban,
                    bic=lg.bic,
                    montant=lg.montant,
                )
                for lg in ordre.lignes.order_by("id")
            )
            # The duplicata takes the original's place in the circuit: signed,
            # transmitted, and visaed on the same entry if the original was.
            commun.apposer_signature(
                acting_user,
                duplicata,
                capacite,
                empreinte=empreinte_contenu(duplicata),
                acte="ordre_depense.signe",
            )
            duplicata.etat, duplicata.transmis_le = OrdreDepense.Etat.TRANSMIS, horloge.maintenant()
            duplicata.save(update_fields=["etat", "transmis_le"])
            if ordre.etat == OrdreDepense.Etat.VISE:
                duplicata.etat, duplicata.vise_le, duplicata.vise_par_id, duplicata.ecriture_id = (
                    OrdreDepense.Etat.VISE,
                    ordre.vise_le,
                    ordre.vise_par_id,
                    ordre.ecriture_id,
                )
                duplicata.save(update_fields=["etat", "vise_le", "vise_par", "ecriture"])
            ordre.etat = OrdreDepense.Etat.REMPLACE
            ordre.save(update_fields=["etat"])
            audit(
                acting_user,
                "ordre_depense.duplicata",
                ordre,
                apres={"duplicata": duplicata.reference},
            )
            return duplicata
    except DatabaseError as exc:
        relever_erreur_base(exc)
