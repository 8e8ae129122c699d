#include "hw/printer/PrinterSimulator.h"

#include "hw/printer/TicketRenderer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace mk::hw {

PrinterSimulator::PrinterSimulator(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<mk::hw::ParsedTicket>();
}

PrinterSimulator::~PrinterSimulator()
{
    stop();
}

bool PrinterSimulator::listenTcp(quint16 port, const QHostAddress& address)
{
    if (server_ == nullptr) {
        server_ = new QTcpServer(this);
        connect(server_, &QTcpServer::newConnection, this, &PrinterSimulator::onNewConnection);
    }
    if (server_->isListening()) server_->close();
    if (!server_->listen(address, port)) {
        error_ = server_->errorString();
        return false;
    }
    return true;
}

quint16 PrinterSimulator::tcpPort() const
{
    return server_ != nullptr && server_->isListening() ? server_->serverPort() : 0;
}

void PrinterSimulator::setPaperOut(bool on)
{
    status_.paper_out = on;
    status_.paper_end_stop = on;
    status_.offline = on || status_.cover_open;
}

void PrinterSimulator::setCoverOpen(bool on)
{
    status_.cover_open = on;
    status_.offline = on || status_.paper_out;
}

void PrinterSimulator::onNewConnection()
{
    while (QTcpSocket* socket = server_->nextPendingConnection()) {
        parsers_[socket] = std::make_unique<EscPosParser>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() {
            auto it = parsers_.find(socket);
            if (it == parsers_.end()) return;
            const QByteArray answers = consume(*it->second, socket->readAll());
            if (!answers.isEmpty()) socket->write(answers);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            auto it = parsers_.find(socket);
            if (it != parsers_.end()) {
                it->second->finish();
                consume(*it->second, QByteArray());
                parsers_.erase(it);
            }
            socket->deleteLater();
        });
    }
}

QByteArray PrinterSimulator::consume(EscPosParser& parser, const QByteArray& bytes)
{
    parser.feed(bytes);
    QByteArray answers;
    const QList<int> queries = parser.takeStatusQueries();
    for (const int n : queries) answers.append(static_cast<char>(status_.responseByte(n)));
    status_answers_ += static_cast<int>(queries.size());
    const QList<ParsedTicket> done = parser.takeTickets();
    for (const ParsedTicket& ticket : done) {
        tickets_.append(ticket);
        QString png_path;
        if (!output_dir_.isEmpty() && QDir().mkpath(output_dir_)) {
            png_path = QDir(output_dir_)
                           .filePath(QStringLiteral("ticket-%1-%2.png")
                                         .arg(QDateTime::currentDateTime().toString(
                                             QStringLiteral("yyyyMMdd-HHmmss")))
                                         .arg(++ticket_counter_, 4, 10, QLatin1Char('0')));
            // A ticket shows a visit number and a masked name: private to the kiosk's user,
            // and never written over an existing file.
            QFile file(png_path);
            const bool saved =
                file.open(QIODevice::WriteOnly | QIODevice::NewOnly) &&
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                TicketRenderer::render(ticket).save(&file, "PNG");
            if (!saved) {
                file.remove();
                png_path.clear();
            }
        }
        Q_EMIT ticketPrinted(ticket, png_path);
    }
    return answers;
}

bool PrinterSimulator::openPty()
{
    closePty();
    pty_master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (pty_master_ < 0 || ::grantpt(pty_master_) != 0 || ::unlockpt(pty_master_) != 0) {
        error_ =
            QStringLiteral("posix_openpt: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        closePty();
        return false;
    }
    char name[128] = {};
    if (::ptsname_r(pty_master_, name, sizeof(name)) != 0) {
        error_ = QStringLiteral("ptsname: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        closePty();
        return false;
    }
    pty_path_ = QString::fromLocal8Bit(name);
    // Raw line discipline (no echo, no CR/LF translation), as a printer's serial line.
    pty_slave_keep_ = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (pty_slave_keep_ >= 0) {
        termios tio{};
        if (::tcgetattr(pty_slave_keep_, &tio) == 0) {
            ::cfmakeraw(&tio);
            ::tcsetattr(pty_slave_keep_, TCSANOW, &tio);
        }
    }
    ::fcntl(pty_master_, F_SETFL, ::fcntl(pty_master_, F_GETFL) | O_NONBLOCK);
    pty_parser_ = EscPosParser();
    pty_notifier_ = new QSocketNotifier(pty_master_, QSocketNotifier::Read, this);
    connect(pty_notifier_, &QSocketNotifier::activated, this, &PrinterSimulator::onPtyReadable);
    return true;
}

void PrinterSimulator::onPtyReadable()
{
    char buffer[4096];
    QByteArray bytes;
    for (;;) {
        const ssize_t n = ::read(pty_master_, buffer, sizeof(buffer));
        if (n <= 0) break;
        bytes.append(buffer, n);
    }
    if (bytes.isEmpty()) return;
    const QByteArray answers = consume(pty_parser_, bytes);
    if (!answers.isEmpty()) {
        const ssize_t written =
            ::write(pty_master_, answers.constData(), static_cast<size_t>(answers.size()));
        Q_UNUSED(written)  // a printer that cannot answer is what the host's timeout is for
    }
}

void PrinterSimulator::closePty()
{
    delete pty_notifier_;
    pty_notifier_ = nullptr;
    if (pty_slave_keep_ >= 0) ::close(pty_slave_keep_);
    if (pty_master_ >= 0) ::close(pty_master_);
    pty_slave_keep_ = pty_master_ = -1;
    pty_path_.clear();
}

void PrinterSimulator::stop()
{
    if (server_ != nullptr) server_->close();
    for (auto& [socket, parser] : parsers_) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    parsers_.clear();
    closePty();
}

}  // namespace mk::hw
