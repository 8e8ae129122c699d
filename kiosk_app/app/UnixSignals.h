// SIGINT and SIGTERM quit the event loop cleanly (self-pipe: the handler only writes one byte).
#pragma once

#include <QObject>

class QSocketNotifier;

namespace mk::app {

class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject* parent = nullptr);
    ~UnixSignals() override;
    bool install();  // false when the socket pair cannot be made

Q_SIGNALS:
    void quitRequested();

private:
    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace mk::app
