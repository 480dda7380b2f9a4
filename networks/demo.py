"""Demo data of the network: a review thread on the demo association's alliance."""

from alliances.models import Alliance

from .models import Review, ReviewReply, Verdict


def seed(demo):
    """The network head's review of step 2 of the pooled support services alliance, with the
    association's answer and the head's reply. Idempotent: skipped once a review exists."""

    alliance = Alliance.objects.filter(
        lead=demo.association, title="Pôle mutualisé de fonctions support"
    ).first()
    head = demo.accounts.get("Network head")
    admin = demo.accounts.get("Association admin")
    if alliance is None or head is None or Review.objects.filter(alliance=alliance).exists():
        return
    review = Review.objects.create(
        alliance=alliance,
        network=demo.network,
        author=head,
        step=2,
        verdict=Verdict.REWORK,
        comment=(
            "Le besoin collectif est bien posé, mais il manque un chiffrage du temps passé "
            "aujourd'hui par chaque association sur la paie et la comptabilité. Pouvez-vous "
            "l'ajouter avant le comité de pilotage ?"
        ),
    )
    ReviewReply.objects.create(
        review=review,
        author=admin,
        body="Merci ! Nous collectons les chiffres auprès des trois trésoriers, d'ici 15 jours.",
    )
    ReviewReply.objects.create(
        review=review,
        author=head,
        from_network=True,
        body="Parfait. Je pourrai vous mettre en relation avec le Pôle emploi associatif.",
    )
    Review.objects.create(
        alliance=alliance,
        network=demo.network,
        author=head,
        step=4,
        verdict=Verdict.VALIDATED,
        comment="Convention complète et signée : toutes les clauses essentielles y sont.",
    )
