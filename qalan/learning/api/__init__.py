"""The learning app's API views, one module per concept (routes in ``api_urls``)."""

from qalan.learning.api.content import (  # noqa: F401
    SubjectListView,
    TaskAttemptView,
    TaskDetailView,
    TopicTasksView,
)
from qalan.learning.api.homework import (  # noqa: F401
    ClassHomeworkView,
    HomeworkDetailView,
    HomeworkListView,
    HomeworkStartView,
)
from qalan.learning.api.progress import (  # noqa: F401
    ClassLeaderboardView,
    HistoryView,
    ProgressView,
    RecommendationsView,
)
from qalan.learning.api.reports import (  # noqa: F401
    ChildrenView,
    ChildReportView,
    ClassBoardView,
    EntitlementListView,
    StudentReportView,
)
from qalan.learning.api.sittings import (  # noqa: F401
    QuizListView,
    QuizStartView,
    SubmissionDetailView,
    SubmissionSaveView,
    SubmissionSubmitView,
)
