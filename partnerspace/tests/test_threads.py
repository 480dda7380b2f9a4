"""Comment threads on shared items, @mentions and their e-mails, with a per-person opt-out."""

from django.core import mail
from django.urls import reverse

from partnerspace import services
from partnerspace.models import Comment, ItemKind


def test_a_mention_tells_the_person_by_email(
    client, space, world, django_capture_on_commit_callbacks
):
    world.editor.first_name, world.editor.last_name = "Paul", "Martin"
    world.editor.save()
    client.force_login(space["contributor"].user)
    url = reverse(
        "partnerspace:comment", args=[space["alliance"].pk, ItemKind.ACTION, space["own_action"].pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"text": "@Paul Martin la salle est réservée <b>ici</b>"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert list(comment.mentioned.all()) == [world.editor]
    assert comment.partner == space["partner"]
    (message,) = mail.outbox
    assert message.to == [world.editor.email]
    # What people write is never markup.
    thread = client.get(
        reverse(
            "partnerspace:thread", args=[space["alliance"].pk, "action", space["own_action"].pk]
        )
    )
    assert "&lt;b&gt;ici&lt;/b&gt;" in thread.content.decode()


def test_a_person_who_turned_emails_off_is_not_told(
    space, world, django_capture_on_commit_callbacks
):
    world.editor.first_name, world.editor.last_name = "Paul", "Martin"
    world.editor.save()
    services.set_comment_emails(user=world.editor, enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(
            alliance=space["alliance"],
            kind=ItemKind.DOSSIER,
            item_id=space["alliance"].pk,
            author=space["contributor"].user,
            text="@paul martin une question sur le dossier",
            access=space["contributor"],
        )
    assert not mail.outbox


def test_the_opt_out_is_a_post_of_the_person(client, space):
    guest = space["contributor"].user
    client.force_login(guest)
    response = client.post(
        reverse("partnerspace:preferences"),
        {"comment_emails": "off", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerspace:spaces")
    assert guest.comment_preference.comment_emails is False


def test_a_reader_reads_threads_but_cannot_post(client, space):
    client.force_login(space["reader"].user)
    args = [space["alliance"].pk, "indicator", space["indicator"].pk]
    assert client.get(reverse("partnerspace:thread", args=args)).status_code == 200
    assert (
        client.post(reverse("partnerspace:comment", args=args), {"text": "Bonjour"}).status_code
        == 403
    )
    assert not Comment.objects.exists()


def test_a_thread_of_an_internal_item_or_another_alliance_is_a_404(client, space, world):
    from alliances.models import SwotItem
    from alliances.tests.factories import ActionFactory, AllianceFactory

    client.force_login(space["contributor"].user)
    pk = space["alliance"].pk
    swot = SwotItem.objects.create(
        alliance=space["alliance"], quadrant="strength", text="x", importance=1
    )
    elsewhere = ActionFactory(alliance=AllianceFactory(lead=world.association))
    for kind, item in (("swot", swot.pk), ("action", elsewhere.pk), ("dossier", pk + 1000)):
        assert client.get(reverse("partnerspace:thread", args=[pk, kind, item])).status_code == 404


def test_staff_answer_in_the_same_thread_and_the_question_leaves_the_waiting_list(
    client, space, world
):
    guest = space["contributor"].user
    guest.first_name, guest.last_name = "Marie", "Durand"
    guest.save()
    client.force_login(world.editor)
    args = [space["alliance"].pk, "meeting", 0]
    from alliances.models import Meeting

    meeting = Meeting.objects.create(alliance=space["alliance"], date="2026-11-01", decisions="Go")
    args[2] = meeting.pk
    url = reverse("partnerspace:staff_thread", args=args)
    assert client.post(url, {"text": "@Marie Durand pouvez-vous confirmer ?"}).status_code == 302
    guests = client.get(reverse("partnerspace:guests", args=[space["alliance"].pk]))
    assert len(guests.context["waiting"]["questions"]) == 1
    client.force_login(guest)
    client.post(reverse("partnerspace:comment", args=args), {"text": "Confirmé."})
    client.force_login(world.editor)
    guests = client.get(reverse("partnerspace:guests", args=[space["alliance"].pk]))
    assert guests.context["waiting"]["questions"] == []


def test_a_reader_of_the_association_cannot_post_in_a_thread(client, space, world):
    client.force_login(world.reader)
    url = reverse(
        "partnerspace:staff_thread", args=[space["alliance"].pk, "dossier", space["alliance"].pk]
    )
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "Bonjour"}).status_code == 403
    assert not Comment.objects.exists()
