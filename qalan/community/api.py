"""Community API: task discussions, messages, reports and the moderation queue."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.community import selectors, services
from qalan.community.models import BODY_MAX, Comment, Report
from qalan.learning import selectors as learning_selectors
from qalan.schools.selectors import display_name


class CommentOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="comment or question")
    author = serializers.CharField(
        help_text="A name only for people linked to the author; otherwise the author's role."
    )
    by_teacher = serializers.BooleanField()
    mine = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    replies = serializers.ListField(
        child=serializers.DictField(), help_text="Replies, in the same shape without replies."
    )


def comment_data(view) -> dict:
    c = view.comment
    return {
        "id": c.pk,
        "kind": c.kind,
        "author": view.author_name,
        "by_teacher": view.by_teacher,
        "mine": view.mine,
        "body": c.body,
        "created_at": c.created_at,
        "replies": [comment_data(r) for r in view.replies],
    }


class CommentIn(serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True)
    kind = serializers.ChoiceField(choices=Comment.Kind.values, default=Comment.Kind.COMMENT)
    reply_to = serializers.IntegerField(required=False, allow_null=True, default=None)


class TaskCommentsView(APIView):
    @extend_schema(responses={200: CommentOut(many=True)}, summary="Comments and questions on a task")
    def get(self, request, task_id: int):
        task = learning_selectors.task_get(task_id=task_id)
        return Response([comment_data(v) for v in selectors.task_comments(viewer=request.user, task=task)])

    @extend_schema(request=CommentIn, responses={201: CommentOut}, summary="Comment, ask a question, or reply")
    def post(self, request, task_id: int):
        task = learning_selectors.task_get(task_id=task_id)
        data = CommentIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        reply_to = (
            selectors.comment_get(viewer=request.user, comment_id=values["reply_to"]) if values["reply_to"] else None
        )
        comment = services.comment_post(
            actor=request.user, task=task, body=values["body"], kind=values["kind"], reply_to=reply_to
        )
        view = next(
            v
            for top in selectors.task_comments(viewer=request.user, task=task)
            for v in [top, *top.replies]
            if v.comment.pk == comment.pk
        )
        return Response(comment_data(view), status=status.HTTP_201_CREATED)


class CommentDetailView(APIView):
    @extend_schema(responses={204: None}, summary="Delete my comment")
    def delete(self, request, comment_id: int):
        services.comment_delete(
            actor=request.user, comment=selectors.own_comment_get(viewer=request.user, comment_id=comment_id)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReportIn(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Report.Reason.values)


class ReportCreated(serializers.Serializer):
    id = serializers.IntegerField()


class CommentReportView(APIView):
    @extend_schema(request=ReportIn, responses={201: ReportCreated}, summary="Report a comment to the moderators")
    def post(self, request, comment_id: int):
        comment = selectors.comment_get(viewer=request.user, comment_id=comment_id)
        data = ReportIn(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_create(actor=request.user, comment=comment, reason=data.validated_data["reason"])
        return Response({"id": report.pk}, status=status.HTTP_201_CREATED)


class QuestionOut(serializers.Serializer):
    id = serializers.IntegerField()
    task_id = serializers.IntegerField()
    topic = serializers.CharField()
    author = serializers.CharField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class QuestionListView(APIView):
    @extend_schema(responses={200: QuestionOut(many=True)}, summary="Unanswered questions from my students (teacher)")
    def get(self, request):
        return Response(
            [
                {
                    "id": q.pk,
                    "task_id": q.task_id,
                    "topic": q.task.topic.name,
                    "author": display_name(q.author),
                    "body": q.body,
                    "created_at": q.created_at,
                }
                for q in selectors.questions_for_teacher(viewer=request.user)[:200]
            ]
        )


# --- Messages -----------------------------------------------------------------------------


class ContactOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    relation = serializers.CharField()


class ContactListView(APIView):
    @extend_schema(responses={200: ContactOut(many=True)}, summary="People I can write to")
    def get(self, request):
        return Response(
            [
                {"id": c.user_id, "name": c.name, "relation": c.relation}
                for c in selectors.contacts_for(viewer=request.user)
            ]
        )


class ConversationOut(serializers.Serializer):
    user_id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    last_at = serializers.DateTimeField()
    unread = serializers.IntegerField()


class ConversationListView(APIView):
    @extend_schema(responses={200: ConversationOut(many=True)}, summary="My conversations, newest first")
    def get(self, request):
        return Response(
            [
                {"user_id": c.user_id, "name": c.name, "last_at": c.last_at, "unread": c.unread}
                for c in selectors.conversations_for(viewer=request.user)
            ]
        )


class ChatMessageOut(serializers.Serializer):
    id = serializers.IntegerField()
    mine = serializers.BooleanField()
    body = serializers.CharField(allow_null=True, help_text="Null when a moderator hid the message.")
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()


def message_data(message, viewer) -> dict:
    return {
        "id": message.pk,
        "mine": message.sender_id == viewer.pk,
        "body": None if message.hidden_at else message.body,
        "created_at": message.created_at,
        "read": message.read_at is not None,
    }


class MessageIn(serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True)


class ConversationView(APIView):
    @extend_schema(
        responses={200: ChatMessageOut(many=True)}, summary="Messages with one person (marks theirs as read)"
    )
    def get(self, request, user_id: int):
        other = selectors.conversation_partner_get(viewer=request.user, other_id=user_id)
        services.conversation_mark_read(actor=request.user, other_id=other.pk)
        return Response(
            [
                message_data(m, request.user)
                for m in selectors.conversation_messages(viewer=request.user, other_id=other.pk)
            ]
        )

    @extend_schema(
        request=MessageIn,
        responses={201: ChatMessageOut},
        summary="Send a message to someone who shares a class or a family link with me",
    )
    def post(self, request, user_id: int):
        data = MessageIn(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.message_send(actor=request.user, recipient_id=user_id, body=data.validated_data["body"])
        return Response(message_data(message, request.user), status=status.HTTP_201_CREATED)


class MessageReportView(APIView):
    @extend_schema(
        request=ReportIn, responses={201: ReportCreated}, summary="Report a message I received to the moderators"
    )
    def post(self, request, message_id: int):
        message = selectors.received_message_get(viewer=request.user, message_id=message_id)
        data = ReportIn(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_create(actor=request.user, message=message, reason=data.validated_data["reason"])
        return Response({"id": report.pk}, status=status.HTTP_201_CREATED)


# --- Moderation ---------------------------------------------------------------------------


class ReportOut(serializers.Serializer):
    id = serializers.IntegerField()
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    comment_id = serializers.IntegerField(allow_null=True)
    message_id = serializers.IntegerField(allow_null=True)
    text = serializers.CharField()


class ReportListView(APIView):
    @extend_schema(responses={200: ReportOut(many=True)}, summary="Open reports (moderators)")
    def get(self, request):
        return Response(
            [
                {
                    "id": r.pk,
                    "reason": r.reason,
                    "created_at": r.created_at,
                    "comment_id": r.comment_id,
                    "message_id": r.message_id,
                    "text": (r.comment or r.message).body,
                }
                for r in selectors.reports_open(viewer=request.user)[:200]
            ]
        )


class ResolveIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=["hide", "dismiss"])


class ReportResolveView(APIView):
    @extend_schema(
        request=ResolveIn, responses={204: None}, summary="Hide the reported content or dismiss the report (moderators)"
    )
    def post(self, request, report_id: int):
        report = selectors.report_get(viewer=request.user, report_id=report_id)
        data = ResolveIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.report_resolve(actor=request.user, report=report, hide=data.validated_data["action"] == "hide")
        return Response(status=status.HTTP_204_NO_CONTENT)
