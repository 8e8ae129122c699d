#include "WedgeScanner.h"

#include <QCoreApplication>
#include <QKeyEvent>

namespace mk::ui {

WedgeScanner::WedgeScanner(QWidget* scope) : QObject(scope), scope_(scope)
{
    QCoreApplication::instance()->installEventFilter(this);
}

WedgeScanner::~WedgeScanner()
{
    clear();
    if (QCoreApplication::instance() != nullptr)
        QCoreApplication::instance()->removeEventFilter(this);
}

void WedgeScanner::clear()
{
    buffer_.fill(QChar(u' '));
    buffer_.clear();
    last_key_ms_ = -1;
}

bool WedgeScanner::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress) return QObject::eventFilter(watched, event);
    if (scope_ == nullptr || !scope_->isVisible()) return QObject::eventFilter(watched, event);
    const auto* key_event = static_cast<QKeyEvent*>(event);
    const int key = key_event->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    const QString text = key_event->text();
    const bool printable = !text.isEmpty() && text.at(0).isPrint();
    if (!enter && !printable) return QObject::eventFilter(watched, event);  // Shift and co.
    if (key_event->isAutoRepeat()) return true;

    const qint64 now_ms = nowMs();
    const bool in_burst = last_key_ms_ >= 0 && now_ms - last_key_ms_ <= max_gap_ms_;
    if (enter) {
        const QString text_scanned = buffer_;
        const bool is_scan = in_burst && buffer_.size() >= min_length_;
        clear();
        if (is_scan) Q_EMIT scanned(text_scanned);
        return true;
    }
    if (!in_burst) {
        buffer_.fill(QChar(u' '));
        buffer_.clear();
    }
    buffer_ += text;
    last_key_ms_ = now_ms;
    return true;
}

}  // namespace mk::ui
