package app.khobor.source;

import java.util.List;

/** Read-only view of every configured source's health. */
public interface SourceStatusView {
    List<SourceStatus> sourceStatuses();
}
