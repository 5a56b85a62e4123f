"""Learning reads: content the viewer may open, progress, recommendations, homework, the teacher's
board and the parent's overview, one module per concept. Each takes the viewer; what the viewer
may not see is 404.

Query counts do not grow with the lists: every list is built from a fixed number of grouped
queries (asserted in tests/learning/test_query_counts.py).
"""

from qalan.learning.selectors.content import (  # noqa: F401
    _choices_prefetch,
    entitlements_for,
    extended_access,
    quiz_get,
    quizzes_list,
    subjects_with_topics,
    task_can_open,
    task_get,
    tasks_published,
    topic_get,
    topic_tasks,
)
from qalan.learning.selectors.homework import (  # noqa: F401
    _my_submission,
    assignment_get,
    assignment_tasks,
    assignments_for_class,
    homework_for_student,
    quiz_tasks,
    submission_attempts,
    submission_get,
    submission_items,
    submission_tasks,
    tasks_in_open_sittings,
)
from qalan.learning.selectors.progress import (  # noqa: F401
    RECOMMENDATIONS,
    WEAK_ACCURACY,
    WEAK_MASTERY,
    Progress,
    Recommendation,
    TopicProgress,
    _streak,
    disclosure_map,
    history_for,
    progress_for,
    recommendations_for,
    submissions_for,
)
from qalan.learning.selectors.reports import (  # noqa: F401
    Board,
    BoardCell,
    BoardColumn,
    BoardRow,
    ChildSummary,
    HomeworkStatus,
    LeaderboardRow,
    StudentReport,
    _cell,
    _homework_statuses,
    _report,
    child_report,
    child_week,
    children_overview,
    class_board,
    class_leaderboard,
    counting_sitting,
    student_report_for_teacher,
)
