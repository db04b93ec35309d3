"""What the register shows of the ministers' part (circ. 93/82 §6.2), read in
a fixed number of queries whatever the number of débets: the ministers' avis
on each mise en cause, whether one by the tutelle is to be transmitted for
avis (above the amount set by arrêté on its day), the DRASS file of each
request (`MiseEnCause.avis_ministres_ou_rien`, `transmise_pour_avis`,
`Demande.dossier_drass_ou_rien` read what is set here)."""

from __future__ import annotations

from responsabilite.models import MiseEnCause
from responsabilite.models_drass import AvisMinistres, DossierDrass
from responsabilite.seuil import seuil_approbation


def annoter(registre):
    """Set on the register's mises en cause and requests (selectors.registre())
    their avis, their « transmise pour avis » and their DRASS file; return it."""
    debets = [d for r in registre for d in r.debets]
    mises = [d.mise for d in debets]
    demandes = [dem for d in debets if d.ordre for dem in d.ordre.demandes.all()]
    avis = {
        a.mise_en_cause_id: a
        for a in AvisMinistres.objects.filter(mise_en_cause_id__in=[m.pk for m in mises])
    }
    seuils = {}
    for m in mises:
        m._avis_ministres = avis.get(m.pk)
        if m.auteur == MiseEnCause.Auteur.TUTELLE:
            if m.decide_le not in seuils:
                seuils[m.decide_le] = seuil_approbation(m.decide_le)
            m._transmise_pour_avis = m.montant > seuils[m.decide_le]
        else:
            m._transmise_pour_avis = False
    dossiers = {
        d.demande_id: d
        for d in DossierDrass.objects.filter(demande_id__in=[dem.pk for dem in demandes])
    }
    for dem in demandes:
        dem._dossier_drass = dossiers.get(dem.pk)
    return registre
