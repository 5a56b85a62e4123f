"""Schools API: classes, joining, invitations, class lists with hand-off, parent-child links."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.accounts.models import DeviceSession
from qalan.accounts.services import ClientInfo, device_session_start
from qalan.core.consent import ConsentChannel
from qalan.schools import selectors, services
from qalan.schools.models import SchoolClass


class PersonOut(serializers.Serializer):
    """Another person as the viewer may see them: an id and a name, nothing else (P3.3)."""

    id = serializers.IntegerField()
    name = serializers.CharField()


def person(user) -> dict:
    return {"id": user.pk, "name": selectors.display_name(user)}


class ClassOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    grade = serializers.IntegerField()
    school_year = serializers.CharField()
    school = serializers.CharField(allow_null=True)
    teacher = PersonOut(allow_null=True)
    student_count = serializers.IntegerField()
    join_code = serializers.CharField(allow_null=True, help_text="Only for the class's teacher.")
    is_teacher = serializers.BooleanField()


class ClassDetailOut(ClassOut):
    students = PersonOut(many=True, help_text="Classmates who restrict dissemination are left out for students (P6.5).")


def class_data(school_class: SchoolClass, viewer, *, student_count: int | None = None) -> dict:
    is_teacher = selectors.is_teacher_of(teacher=viewer, school_class=school_class)
    return {
        "id": school_class.pk,
        "name": school_class.name,
        "grade": school_class.grade,
        "school_year": school_class.school_year,
        "school": school_class.school.name if school_class.school else None,
        "teacher": person(school_class.teacher) if school_class.teacher else None,
        "student_count": student_count if student_count is not None else getattr(school_class, "student_count", 0),
        "join_code": school_class.join_code if is_teacher else None,
        "is_teacher": is_teacher,
    }


class ClassIn(serializers.Serializer):
    name = serializers.CharField(max_length=60)
    grade = serializers.IntegerField()
    school_year = serializers.CharField(max_length=9, required=False, default="")
    school = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    city = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class ClassListView(APIView):
    @extend_schema(responses={200: ClassOut(many=True)}, summary="My classes (taught or attended)")
    def get(self, request):
        return Response([class_data(c, request.user) for c in selectors.classes_for(viewer=request.user)])

    @extend_schema(request=ClassIn, responses={201: ClassOut}, summary="Create a class (teachers)")
    def post(self, request):
        data = ClassIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        school_class = services.class_create(
            actor=request.user,
            name=values["name"],
            grade=values["grade"],
            school_year=values["school_year"] or services.current_school_year(),
            school_name=values["school"],
            city=values["city"],
        )
        return Response(class_data(school_class, request.user, student_count=0), status=status.HTTP_201_CREATED)


class ClassDetailView(APIView):
    @extend_schema(responses={200: ClassDetailOut}, summary="A class I teach or attend, with its students")
    def get(self, request, class_id: int):
        school_class = selectors.class_get(viewer=request.user, class_id=class_id)
        students = selectors.class_students(viewer=request.user, school_class=school_class)
        return Response({**class_data(school_class, request.user), "students": [person(s) for s in students]})


class CodeIn(serializers.Serializer):
    code = serializers.CharField(max_length=32, allow_blank=True)


class ClassJoinView(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "codes"

    @extend_schema(request=CodeIn, responses={201: ClassOut}, summary="Join a class with its code (students)")
    def post(self, request):
        data = CodeIn(data=request.data)
        data.is_valid(raise_exception=True)
        membership = services.class_join(actor=request.user, code=data.validated_data["code"])
        school_class = selectors.class_get(viewer=request.user, class_id=membership.school_class_id)
        return Response(class_data(school_class, request.user), status=status.HTTP_201_CREATED)


class ClassLeaveView(APIView):
    @extend_schema(request=None, responses={204: None}, summary="Leave a class")
    def post(self, request, class_id: int):
        membership = selectors.membership_get(viewer=request.user, class_id=class_id)
        services.class_leave(actor=request.user, membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JoinCodeOut(serializers.Serializer):
    join_code = serializers.CharField()


class ClassJoinCodeView(APIView):
    @extend_schema(request=None, responses={200: JoinCodeOut}, summary="Replace the class's join code (teacher)")
    def post(self, request, class_id: int):
        school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
        services.class_join_code_renew(actor=request.user, school_class=school_class)
        return Response({"join_code": school_class.join_code})


class ClassMemberView(APIView):
    @extend_schema(responses={204: None}, summary="Remove a student from my class (teacher)")
    def delete(self, request, class_id: int, student_id: int):
        school_class, student = selectors.student_get_for_teacher(
            viewer=request.user, class_id=class_id, student_id=student_id
        )
        services.class_member_remove(actor=request.user, school_class=school_class, student=student)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InviteIn(serializers.Serializer):
    username = serializers.CharField(max_length=40, allow_blank=True)


class InvitationOut(serializers.Serializer):
    id = serializers.IntegerField()
    class_name = serializers.CharField()
    school_year = serializers.CharField()
    teacher = PersonOut(allow_null=True)
    created_at = serializers.DateTimeField()


def invitation_data(invitation) -> dict:
    school_class = invitation.school_class
    return {
        "id": invitation.pk,
        "class_name": school_class.name,
        "school_year": school_class.school_year,
        "teacher": person(school_class.teacher) if school_class.teacher else None,
        "created_at": invitation.created_at,
    }


class ClassInviteView(APIView):
    @extend_schema(
        request=InviteIn,
        responses={201: inline_serializer("InviteSent", {"id": serializers.IntegerField()})},
        summary="Invite a student by username (teacher)",
    )
    def post(self, request, class_id: int):
        school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
        data = InviteIn(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = services.class_invite(
            actor=request.user, school_class=school_class, username=data.validated_data["username"]
        )
        return Response({"id": invitation.pk}, status=status.HTTP_201_CREATED)


class InvitationListView(APIView):
    @extend_schema(responses={200: InvitationOut(many=True)}, summary="Class invitations waiting for my answer")
    def get(self, request):
        return Response([invitation_data(i) for i in selectors.invitations_for(viewer=request.user)])


class InvitationAnswerIn(serializers.Serializer):
    accept = serializers.BooleanField()


class InvitationAnswerView(APIView):
    @extend_schema(request=InvitationAnswerIn, responses={204: None}, summary="Accept or decline a class invitation")
    def post(self, request, invitation_id: int):
        invitation = selectors.invitation_get(viewer=request.user, invitation_id=invitation_id)
        data = InvitationAnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.class_invitation_answer(
            actor=request.user, invitation=invitation, accept=data.validated_data["accept"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class RosterIn(serializers.Serializer):
    names = serializers.ListField(child=serializers.CharField(max_length=200, allow_blank=True), max_length=200)
    consent_confirmed = serializers.BooleanField(
        help_text="Must be true: the teacher confirms that each student or their parent agreed (P3.5)."
    )


class RosterAccountOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    username = serializers.CharField()
    handoff_code = serializers.CharField(help_text="Shown once. The student or a parent enters it at /handoff/.")


class ClassRosterView(APIView):
    @extend_schema(
        request=RosterIn,
        responses={201: RosterAccountOut(many=True)},
        summary="Create student accounts from a class list (teacher)",
    )
    def post(self, request, class_id: int):
        school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
        data = RosterIn(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.roster_enrol(
            actor=request.user,
            school_class=school_class,
            names=data.validated_data["names"],
            consent_confirmed=data.validated_data["consent_confirmed"],
        )
        return Response(
            [
                {"id": u.pk, "name": u.profile.full_name, "username": u.username, "handoff_code": code}
                for u, code in created
            ],
            status=status.HTTP_201_CREATED,
        )


class ClassHandoffView(APIView):
    @extend_schema(
        request=None,
        responses={200: RosterAccountOut},
        summary="A new hand-off code for an account not yet taken over (teacher)",
    )
    def post(self, request, class_id: int, student_id: int):
        school_class, student = selectors.student_get_for_teacher(
            viewer=request.user, class_id=class_id, student_id=student_id
        )
        code = services.handoff_reissue(actor=request.user, school_class=school_class, student=student)
        return Response(
            {
                "id": student.pk,
                "name": selectors.display_name(student),
                "username": student.username,
                "handoff_code": code,
            }
        )


class HandoffIn(serializers.Serializer):
    username = serializers.CharField(max_length=40)
    code = serializers.CharField(max_length=32)
    phone = serializers.CharField(max_length=32)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    acting_as = serializers.ChoiceField(choices=["student", "parent"])
    consent = serializers.BooleanField(help_text="Must be true: the person taking over consents to the Privacy Policy.")
    device_name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class HandoffView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "codes"

    @extend_schema(
        request=HandoffIn,
        responses={
            200: inline_serializer(
                "HandoffToken", {"token": serializers.CharField(), "username": serializers.CharField()}
            )
        },
        summary="Take over an account a teacher created (student or parent) and sign in",
    )
    def post(self, request):
        data = HandoffIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        user = services.handoff_claim(
            username=values["username"],
            code=values["code"],
            phone=values["phone"],
            password=values["password"],
            consent=values["consent"],
            acting_as=values["acting_as"],
            channel=ConsentChannel.APP,
            evidence={"api": "POST /api/v1/handoff"},
        )
        _session, raw = device_session_start(
            user=user, kind=DeviceSession.Kind.APP, client=ClientInfo(device_name=values["device_name"][:100])
        )
        return Response({"token": raw, "username": user.username})


# --- Links --------------------------------------------------------------------------------


class LinkOut(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.ChoiceField(choices=["parent", "child"], help_text="What the other person is to me.")
    person = PersonOut()
    created_at = serializers.DateTimeField()


def link_data(link, viewer) -> dict:
    other, role = (link.child, "child") if link.parent_id == viewer.pk else (link.parent, "parent")
    return {"id": link.pk, "role": role, "person": person(other), "created_at": link.created_at}


class LinkListView(APIView):
    @extend_schema(responses={200: LinkOut(many=True)}, summary="My parent or child links")
    def get(self, request):
        return Response([link_data(link, request.user) for link in selectors.links_for(viewer=request.user)])


class LinkCodeIn(serializers.Serializer):
    contact = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    contact_consent = serializers.BooleanField(
        required=False, default=False, help_text="Required with a contact: its owner agreed to receive the code (P3.5)."
    )


class LinkCodeView(APIView):
    @extend_schema(
        request=LinkCodeIn,
        responses={
            201: inline_serializer(
                "LinkCode", {"code": serializers.CharField(), "expires_at": serializers.DateTimeField()}
            )
        },
        summary="Create a one-time code that my parent or child enters to link our accounts",
    )
    def post(self, request):
        data = LinkCodeIn(data=request.data)
        data.is_valid(raise_exception=True)
        invitation, code = services.link_invitation_create(actor=request.user, **data.validated_data)
        return Response({"code": code, "expires_at": invitation.expires_at}, status=status.HTTP_201_CREATED)


class LinkConfirmView(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "codes"

    @extend_schema(request=CodeIn, responses={201: LinkOut}, summary="Enter a link code from my parent or child")
    def post(self, request):
        data = CodeIn(data=request.data)
        data.is_valid(raise_exception=True)
        link = services.link_confirm(actor=request.user, code=data.validated_data["code"])
        link = selectors.link_get(viewer=request.user, link_id=link.pk)
        return Response(link_data(link, request.user), status=status.HTTP_201_CREATED)


class LinkDetailView(APIView):
    @extend_schema(responses={204: None}, summary="Remove a parent or child link")
    def delete(self, request, link_id: int):
        link = selectors.link_get(viewer=request.user, link_id=link_id)
        services.link_end(actor=request.user, link=link)
        return Response(status=status.HTTP_204_NO_CONTENT)
