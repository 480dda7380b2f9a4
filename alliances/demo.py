"""Demo alliances of « Solidarités Lyon Nord ». Idempotent: found by natural keys."""

from django.utils import timezone


def simple_pdf(lines) -> bytes:
    """A small, valid one-page PDF (Helvetica text), for demo conventions and tests."""

    def escape(text):
        return (
            text.encode("latin-1", "replace")
            .replace(b"\\", b"\\\\")
            .replace(b"(", b"\\(")
            .replace(b")", b"\\)")
        )

    stream = b"BT /F1 12 Tf 60 780 Td 16 TL "
    for line in lines:
        stream += b"(" + escape(line) + b") Tj T* "
    stream += b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def seed(demo):
    """Two alliances for « Solidarités Lyon Nord ». Idempotent: skipped once they exist."""
    import datetime as dt
    from decimal import Decimal

    from django.core.files.base import ContentFile

    from .models import (
        Action,
        ActionStatus,
        ActionStep,
        ActorType,
        Alliance,
        AllianceDossier,
        AllianceMember,
        AlliancePartner,
        Amendment,
        BudgetLine,
        Candidate,
        Clause,
        CommunicationItem,
        Contact,
        Contribution,
        Convention,
        ConventionParty,
        ConventionStatus,
        ConventionType,
        CostShare,
        CriterionScore,
        Decision,
        Exchange,
        GovernanceBody,
        GovernanceLevel,
        MappingCategory,
        Meeting,
        NeedFigure,
        Partner,
        PartnershipForm,
        PartnerTag,
        RelationshipEvent,
        Resource,
        ResourceKind,
        SelectionCriterion,
        Solidity,
        SwotItem,
    )

    association = demo.association
    admin = demo.accounts.get("Association admin")
    staff = demo.accounts.get("Association staff (editor)")
    today = timezone.localdate()

    partners = {}
    for name, actor_type, siren, territory, website, description, tags in [
        (
            "Ville de Lyon",
            ActorType.LOCAL_AUTHORITY,
            "216901231",
            "Lyon",
            "https://www.lyon.fr",
            "Soutien aux projets de mutualisation, mise à disposition de locaux.",
            ["collectivité", "locaux"],
        ),
        (
            "Fondation Solidarité Rhône",
            ActorType.FOUNDATION,
            "",
            "Rhône",
            "",
            "Finance l'expérimentation de projets collectifs d'intérêt général.",
            ["financement"],
        ),
        (
            "Crédit Coopératif Lyon",
            ActorType.COMPANY,
            "",
            "Métropole de Lyon",
            "",
            "Banque de l'ESS : mécénat de compétences en gestion financière.",
            ["mécénat", "finance"],
        ),
        (
            "Cabinet Compta Solidaire",
            ActorType.COMPANY,
            "",
            "Lyon 9e",
            "",
            "Expert-comptable engagé, tarifs adaptés aux associations.",
            ["comptabilité"],
        ),
        (
            "Université Lumière Lyon 2",
            ActorType.ACADEMIC,
            "",
            "Lyon",
            "",
            "Laboratoire de recherche sur l'économie sociale.",
            ["recherche"],
        ),
        (
            "Les Jardins de Villeurbanne",
            ActorType.ASSOCIATION,
            "",
            "Villeurbanne",
            "",
            "Association d'insertion par le maraîchage.",
            ["pairs"],
        ),
    ]:
        partner, created = Partner.objects.get_or_create(
            association=association,
            name=name,
            defaults={
                "actor_type": actor_type,
                "siren": siren,
                "territory": territory,
                "website": website,
                "description": description,
            },
        )
        if created:
            partner.tags.set(
                [PartnerTag.objects.get_or_create(association=association, name=t)[0] for t in tags]
            )
        partners[name] = partner
    if not partners["Ville de Lyon"].contacts.exists():
        Contact.objects.create(
            partner=partners["Ville de Lyon"],
            name="Hélène Garnier",
            role="Chargée de mission vie associative",
            email="h.garnier@example.org",
            phone="04 72 00 00 00",
        )
        RelationshipEvent.objects.create(
            partner=partners["Ville de Lyon"],
            date=today - dt.timedelta(days=200),
            summary="Premier rendez-vous : la Ville soutient l'idée d'un pôle mutualisé.",
            author=admin,
        )

    # --- Alliance 1: complete, signed convention, action plan, economic model -------------
    title = "Pôle mutualisé de fonctions support"
    if not Alliance.objects.filter(lead=association, title=title).exists():
        alliance = Alliance.objects.create(
            title=title,
            purpose=(
                "Mutualiser la comptabilité, la paie et la communication de cinq associations "
                "du nord de Lyon pour réduire les coûts de 15 % et libérer du temps pour "
                "l'action de terrain."
            ),
            territory="Lyon 4e et 9e, Caluire-et-Cuire",
            lead=association,
            created_by=admin,
        )
        for member in demo.members[1:2]:
            AllianceMember.objects.get_or_create(
                alliance=alliance,
                association=member,
                defaults={"state": AllianceMember.State.ACTIVE, "responded_at": timezone.now()},
            )
        AllianceDossier.objects.create(
            alliance=alliance,
            strategic_priorities=(
                "Consolider nos fonctions support sans recruter ; sécuriser la paie et la "
                "comptabilité ; professionnaliser la communication."
            ),
            expectations=(
                "Partager un poste de comptable et un outil de paie ; bénéficier d'une "
                "communication commune vers les financeurs."
            ),
            participation_mode=(
                "Chef de file : nous portons l'emploi mutualisé et animons le comité."
            ),
            complementarities=(
                "Des partenaires apportant compétences financières, locaux et financement "
                "d'amorçage."
            ),
            social_need=(
                "Les petites associations du territoire consacrent jusqu'à un tiers de leur "
                "temps salarié à l'administratif, au détriment de l'accompagnement des publics."
            ),
            collective_need=(
                "Aucune association ne peut financer seule un poste qualifié ; ensemble, le "
                "coût devient soutenable."
            ),
            argument="Enquête menée auprès de 12 associations du territoire en 2025.",
            key_actors="Ville de Lyon, fondations locales, banque de l'ESS, associations voisines.",
            beneficiaries=(
                "Les bénévoles et salariés des associations membres participent au groupe "
                "de travail dès le lancement."
            ),
            shared_vision=(
                "Des associations de proximité plus solides, qui consacrent leur énergie à "
                "leur mission et coopèrent durablement."
            ),
            proximity="Un petit-déjeuner mensuel des équipes et des visites croisées.",
            decision_process=(
                "Le comité stratégique décide à la majorité des deux tiers ; le comité "
                "opérationnel prépare les décisions."
            ),
            communication_identity=(
                "Une identité commune « Pôle support Nord Lyon » sans effacer les logos "
                "des membres."
            ),
            treasury=(
                "Trésorerie commune gérée par le chef de file sur un compte dédié ; appels de "
                "fonds trimestriels selon les clés de répartition."
            ),
        )
        for quadrant, text, importance in [
            ("strength", "Expertise de la gestion associative depuis 20 ans", 5),
            ("strength", "Réseau de bénévoles qualifiés", 4),
            ("weakness", "Pas de compétence interne en paie", 4),
            ("weakness", "Trésorerie limitée", 3),
            ("opportunity", "Appel à projets métropolitain sur la mutualisation", 5),
            ("opportunity", "Dynamique de coopération sur le territoire", 3),
            ("threat", "Baisse des subventions de fonctionnement", 4),
            ("threat", "Évolutions réglementaires de la paie", 2),
        ]:
            SwotItem.objects.create(
                alliance=alliance, quadrant=quadrant, text=text, importance=importance
            )
        NeedFigure.objects.create(
            alliance=alliance,
            label="Part du temps salarié consacrée à l'administratif",
            value=Decimal("32"),
            unit="%",
            measured_on=dt.date(2025, 6, 30),
            source="Enquête Solidarités Lyon Nord auprès de 12 associations",
        )
        NeedFigure.objects.create(
            alliance=alliance,
            label="Associations intéressées par la mutualisation",
            value=Decimal("5"),
            unit="associations",
            measured_on=dt.date(2025, 9, 15),
            source="Réunion de territoire du 15/09/2025",
        )
        criteria = [
            SelectionCriterion.objects.create(
                alliance=alliance, name="Compatibilité stratégique", weight=3
            ),
            SelectionCriterion.objects.create(
                alliance=alliance, name="Capacité opérationnelle", weight=2
            ),
            SelectionCriterion.objects.create(
                alliance=alliance, name="Ancrage territorial", weight=1
            ),
        ]
        candidates_spec = [
            (
                "Ville de Lyon",
                MappingCategory.LOCAL_AUTHORITIES,
                5,
                3,
                4,
                [5, 4, 5],
                Decision.SELECTED,
                PartnershipForm.PUBLIC_POLICY,
                "Financeur et facilitateur",
            ),
            (
                "Fondation Solidarité Rhône",
                MappingCategory.SOCIAL_ECONOMY,
                3,
                1,
                5,
                [5, 3, 4],
                Decision.SELECTED,
                PartnershipForm.FINANCIAL_PATRONAGE,
                "Financeur de l'amorçage",
            ),
            (
                "Crédit Coopératif Lyon",
                MappingCategory.COMPANIES,
                3,
                1,
                4,
                [4, 5, 3],
                Decision.SELECTED,
                PartnershipForm.SKILLS_PATRONAGE,
                "Mécène de compétences",
            ),
            (
                "Cabinet Compta Solidaire",
                MappingCategory.COMPANIES,
                2,
                2,
                3,
                [3, 4, 4],
                Decision.RESERVE,
                None,
                "",
            ),
            (
                "Université Lumière Lyon 2",
                MappingCategory.RESEARCH,
                2,
                1,
                2,
                [2, 2, 3],
                Decision.SET_ASIDE,
                None,
                "",
            ),
        ]
        reasons = {
            Decision.SELECTED: "Forte compatibilité et engagement confirmé lors des échanges.",
            Decision.RESERVE: "Intéressant si le volume de paie dépasse nos capacités.",
            Decision.SET_ASIDE: "Pas de besoin de recherche à ce stade du projet.",
        }
        for (
            name,
            category,
            influence,
            harm,
            alignment,
            scores,
            decision,
            form,
            role,
        ) in candidates_spec:
            candidate = Candidate.objects.create(
                alliance=alliance,
                partner=partners[name],
                category=category,
                influence=influence,
                harm=harm,
                alignment=alignment,
                expectations="Contribuer à la consolidation du tissu associatif local.",
                scope="Métropole de Lyon",
                decision=decision,
                decision_reason=reasons[decision],
                decided_on=today - dt.timedelta(days=150),
            )
            for criterion, score in zip(criteria, scores, strict=True):
                CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=score)
            if decision == Decision.SELECTED:
                AlliancePartner.objects.create(
                    alliance=alliance,
                    partner=partners[name],
                    role=role,
                    partnership_form=form,
                    joined_on=today - dt.timedelta(days=150),
                )
            Exchange.objects.create(
                alliance=alliance,
                candidate=candidate,
                date=today - dt.timedelta(days=170),
                participants=f"Claire Martin, {name}",
                notes="Présentation du projet et des attentes réciproques.",
                friction_points="Calendrier de décision différent du nôtre."
                if decision != Decision.SELECTED
                else "",
                solidity=Solidity.SOLID
                if decision == Decision.SELECTED
                else Solidity.TO_STRENGTHEN,
                conclusion="Suite favorable." if decision == Decision.SELECTED else "À revoir.",
                author=admin,
            )
        # Beneficiaries and a medium on the map, by name: no entry in the partner directory.
        beneficiaries = Candidate.objects.create(
            alliance=alliance,
            name="Associations adhérentes du Nord lyonnais",
            category=MappingCategory.BENEFICIARIES,
            influence=3,
            harm=1,
            alignment=5,
            expectations="Moins de tâches administratives, plus de temps pour leurs projets.",
            decision=Decision.SELECTED,
            decision_reason="Elles sont la raison d'être du pôle.",
            decided_on=today - dt.timedelta(days=150),
        )
        media = Candidate.objects.create(
            alliance=alliance,
            name="Le Progrès, édition Lyon",
            category=MappingCategory.MEDIA,
            influence=3,
            harm=2,
            alignment=3,
            expectations="Des histoires locales à raconter.",
            decision=Decision.RESERVE,
            decision_reason="À solliciter au lancement du guichet commun.",
            decided_on=today - dt.timedelta(days=150),
        )
        for candidate, scores in ((beneficiaries, [5, 3, 5]), (media, [3, 2, 4])):
            for criterion, score in zip(criteria, scores, strict=True):
                CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=score)
        Exchange.objects.create(
            alliance=alliance,
            candidate=beneficiaries,
            date=today - dt.timedelta(days=165),
            participants="Claire Martin, cinq associations adhérentes",
            notes="Atelier sur leurs besoins en comptabilité, paie et communication.",
            solidity=Solidity.SOLID,
            conclusion="Elles attendent le guichet commun et s'engagent à le tester.",
            author=admin,
        )
        ville = AlliancePartner.objects.get(alliance=alliance, partner=partners["Ville de Lyon"])
        fondation = AlliancePartner.objects.get(
            alliance=alliance, partner=partners["Fondation Solidarité Rhône"]
        )
        credit = AlliancePartner.objects.get(
            alliance=alliance, partner=partners["Crédit Coopératif Lyon"]
        )
        convention = Convention(
            alliance=alliance,
            kind=ConventionType.PARTNERSHIP,
            title="Convention de partenariat du Pôle support Nord Lyon",
            status=ConventionStatus.SIGNED,
            start_date=today - dt.timedelta(days=120),
            end_date=today + dt.timedelta(days=45),
            signed_on=today - dt.timedelta(days=125),
            total_amount=Decimal("48000.00"),
            financial_terms="Versement en deux fois : 60 % à la signature, 40 % au bilan.",
            clauses=list(Clause.values),
            document_name="convention-pole-support-signee.pdf",
        )
        pdf = simple_pdf(
            [
                "Convention de partenariat - Pole mutualise de fonctions support",
                "Entre Solidarites Lyon Nord, la Ville de Lyon et la Fondation Solidarite Rhone.",
                "Signee a Lyon. (Document de demonstration)",
            ]
        )
        convention.document_size = len(pdf)
        convention.document.save("convention.pdf", ContentFile(pdf), save=False)
        convention.save()
        ConventionParty.objects.create(
            convention=convention,
            association=association,
            represented_by="Claire Martin, présidente",
            commitments="Porter l'emploi mutualisé, animer le comité opérationnel.",
            financial_contribution=Decimal("12000"),
        )
        ConventionParty.objects.create(
            convention=convention,
            partner=ville,
            represented_by="L'adjointe à la vie associative",
            commitments="Subvention d'amorçage et mise à disposition d'un bureau.",
            financial_contribution=Decimal("24000"),
        )
        ConventionParty.objects.create(
            convention=convention,
            partner=fondation,
            commitments="Financement de l'outil de paie partagé.",
            financial_contribution=Decimal("12000"),
        )
        Amendment.objects.create(
            convention=convention,
            number=1,
            signed_on=today - dt.timedelta(days=60),
            title="Intégration d'une cinquième association",
            changes="Les Jardins de Villeurbanne rejoignent le pôle au 1er du mois suivant.",
        )
        strategic = GovernanceBody.objects.create(
            alliance=alliance,
            name="Comité stratégique",
            level=GovernanceLevel.STRATEGIC,
            mission="Orientations, budget, entrée de nouveaux membres",
            members="Présidents des associations membres, Ville de Lyon (invitée)",
            frequency="Trimestrielle",
        )
        GovernanceBody.objects.create(
            alliance=alliance,
            name="Comité opérationnel",
            level=GovernanceLevel.OPERATIONAL,
            mission="Suivi du plan d'action",
            members="Directions et comptable mutualisée",
            frequency="Mensuelle",
        )
        GovernanceBody.objects.create(
            alliance=alliance,
            name="Groupe outils",
            level=GovernanceLevel.FUNCTIONAL,
            mission="Paramétrage des logiciels partagés",
            members="Référents administratifs",
            frequency="À la demande",
        )
        Meeting.objects.create(
            alliance=alliance,
            body=strategic,
            date=today - dt.timedelta(days=30),
            attendees="5 présidents, Ville de Lyon",
            decisions="Validation du budget 2026 et des clés de répartition.",
        )
        for kind, audience, channel, frequency, owner in [
            (
                "internal_strategic",
                "Conseils d'administration",
                "Note de synthèse",
                "Trimestrielle",
                "Chef de file",
            ),
            (
                "internal_operational",
                "Équipes salariées",
                "Messagerie partagée",
                "Hebdomadaire",
                "Comptable mutualisée",
            ),
            (
                "internal_informal",
                "Salariés et bénévoles",
                "Petit-déjeuner",
                "Mensuelle",
                "Chargée de communication",
            ),
            (
                "external_institutional",
                "Financeurs publics",
                "Rapport d'activité",
                "Annuelle",
                "Chef de file",
            ),
            (
                "external_public",
                "Habitants",
                "Page web et réseaux sociaux",
                "Mensuelle",
                "Chargée de communication",
            ),
            ("external_advocacy", "Élus métropolitains", "Rencontre", "Annuelle", "Présidents"),
        ]:
            CommunicationItem.objects.create(
                alliance=alliance,
                kind=kind,
                audience=audience,
                channel=channel,
                frequency=frequency,
                owner=owner,
            )
        for title_, status, start, due, progress, owner_user, owner_partner, money, steps in [
            (
                "Recruter la comptable mutualisée",
                ActionStatus.DONE,
                -150,
                -90,
                100,
                admin,
                None,
                Decimal("2500"),
                [("Fiche de poste", True), ("Entretiens", True)],
            ),
            (
                "Déployer l'outil de paie partagé",
                ActionStatus.IN_PROGRESS,
                -60,
                -10,
                60,
                staff,
                None,
                Decimal("8000"),
                [("Choix du logiciel", True), ("Formation des référents", False)],
            ),
            (
                "Former les trésoriers bénévoles",
                ActionStatus.PLANNED,
                10,
                70,
                0,
                None,
                credit,
                None,
                [("Programme de formation", False)],
            ),
            (
                "Lancer la communication commune",
                ActionStatus.IN_PROGRESS,
                -20,
                40,
                30,
                staff,
                None,
                Decimal("1500"),
                [],
            ),
        ]:
            action = Action.objects.create(
                alliance=alliance,
                title=title_,
                status=status,
                start_date=today + dt.timedelta(days=start),
                due_date=today + dt.timedelta(days=due),
                progress=progress,
                owner_user=owner_user,
                owner_partner=owner_partner,
                human_resources="0,5 ETP" if owner_user else "2 bénévoles du Crédit Coopératif",
                financial_resources=money,
                created_by=admin,
            )
            for order, (step_title, done) in enumerate(steps):
                ActionStep.objects.create(action=action, title=step_title, done=done, order=order)
        for kind, description, quantity, amount in [
            (
                ResourceKind.VOLUNTEERS,
                "Trésoriers bénévoles (valorisé)",
                "5 bénévoles",
                Decimal("6000"),
            ),
            (ResourceKind.FEES_AND_FUNDRAISING, "Cotisations des membres", "", Decimal("15000")),
            (ResourceKind.SUBSIDIES, "Appel à projets métropolitain", "", Decimal("9000")),
            (ResourceKind.POSITIONING, "Plaidoyer commun auprès de la Métropole", "", Decimal("0")),
        ]:
            Resource.objects.create(
                alliance=alliance,
                kind=kind,
                description=description,
                quantity=quantity,
                amount=amount,
            )
        Contribution.objects.create(
            alliance=alliance, partner=ville, cash=Decimal("24000"), in_kind=Decimal("4800")
        )
        Contribution.objects.create(alliance=alliance, partner=fondation, cash=Decimal("12000"))
        Contribution.objects.create(
            alliance=alliance,
            partner=credit,
            skills=Decimal("6000"),
            description="Formation des trésoriers",
        )
        for label, amount, shared in [
            ("Poste de comptable mutualisée", Decimal("42000"), True),
            ("Logiciel de paie", Decimal("3600"), True),
            ("Communication commune", Decimal("2400"), True),
        ]:  # what is given in kind is an expense already, valued (compte 86): not typed again
            BudgetLine.objects.create(alliance=alliance, label=label, amount=amount, shared=shared)
        participants = [association, *demo.members[1:2]]
        shares = [Decimal("60"), Decimal("40")]
        for member, percent in zip(participants, shares, strict=False):
            CostShare.objects.create(
                alliance=alliance, association=member, percent=percent, basis="Nombre de salariés"
            )

    # --- Alliance 2: at step 2 -------------------------------------------------------------
    title = "Jardins partagés et insertion"
    if not Alliance.objects.filter(lead=association, title=title).exists():
        alliance = Alliance.objects.create(
            title=title,
            purpose="Créer des jardins partagés d'insertion avec des associations de quartier.",
            territory="Lyon 9e",
            lead=association,
            created_by=staff or admin,
        )
        AllianceDossier.objects.create(
            alliance=alliance,
            strategic_priorities="Développer l'insertion par l'activité économique.",
            expectations="Trouver des terrains et des partenaires d'encadrement technique.",
            participation_mode="Accompagnement social des personnes en insertion.",
            complementarities="Savoir-faire maraîcher et accès au foncier.",
            social_need="Des habitants éloignés de l'emploi sans solution de remobilisation.",
        )
        for quadrant, text in [
            ("strength", "Accompagnement social reconnu"),
            ("weakness", "Aucune compétence maraîchère"),
            ("opportunity", "Friches disponibles dans le 9e"),
            ("threat", "Concurrence d'autres projets sur les terrains"),
        ]:
            SwotItem.objects.create(alliance=alliance, quadrant=quadrant, text=text)
        NeedFigure.objects.create(
            alliance=alliance,
            label="Demandeurs d'emploi de longue durée dans le quartier",
            value=Decimal("840"),
            unit="personnes",
            measured_on=dt.date(2025, 12, 31),
            source="France Travail, données 2025",
        )
