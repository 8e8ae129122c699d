// A simulated 80 mm ESC/POS printer that is a real endpoint: a TCP server (like a network
// printer's port 9100) and/or a pseudo-terminal (like a serial printer: open ptyPath() with
// QSerialPort). Every connection gets its own EscPosParser; DLE EOT queries are answered from
// status() (set paper out / cover open to test health); every ticket (bytes up to a cut) is
// rendered to a PNG in outputDir() when one is set, and reported by ticketPrinted().
// Stopping it closes everything, as if the printer were unplugged; listen again to "plug it in".
#pragma once

#include "hw/printer/EscPosParser.h"
#include "hw/printer/PrinterStatus.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QSocketNotifier;

namespace mk::hw {

class PrinterSimulator : public QObject
{
    Q_OBJECT
public:
    explicit PrinterSimulator(QObject* parent = nullptr);
    ~PrinterSimulator() override;

    // Listens on address:port (0 = any free port). False with errorString() on failure.
    bool listenTcp(quint16 port = 0, const QHostAddress& address = QHostAddress::LocalHost);
    quint16 tcpPort() const;
    // Opens a pty pair; the printer side is ptyPath() (/dev/pts/N). False on failure.
    bool openPty();
    QString ptyPath() const { return pty_path_; }
    // Closes the server, every connection and the pty.
    void stop();
    QString errorString() const { return error_; }

    // The state reported to status queries.
    void setStatus(const PrinterStatus& status) { status_ = status; }
    PrinterStatus status() const { return status_; }
    void setPaperOut(bool on);
    void setPaperNearEnd(bool on) { status_.paper_near_end = on; }
    void setCoverOpen(bool on);

    // Where PNGs go (ticket-YYYYMMDD-hhmmss-N.png); empty = not written.
    void setOutputDir(const QString& dir) { output_dir_ = dir; }
    QString outputDir() const { return output_dir_; }

    QList<ParsedTicket> tickets() const { return tickets_; }
    int statusQueriesAnswered() const { return status_answers_; }

Q_SIGNALS:
    // png_path is empty when no output folder is set or the PNG could not be written.
    void ticketPrinted(const mk::hw::ParsedTicket& ticket, const QString& png_path);

private:
    void onNewConnection();
    void onPtyReadable();
    // Parses bytes from one source; returns the status answers to write back.
    QByteArray consume(EscPosParser& parser, const QByteArray& bytes);
    void closePty();

    QTcpServer* server_ = nullptr;
    std::map<QTcpSocket*, std::unique_ptr<EscPosParser>> parsers_;
    int pty_master_ = -1;
    int pty_slave_keep_ = -1;  // keeps the pty alive while no printer has it open
    QSocketNotifier* pty_notifier_ = nullptr;
    QString pty_path_;
    EscPosParser pty_parser_;
    PrinterStatus status_;
    QString output_dir_;
    QList<ParsedTicket> tickets_;
    QString error_;
    int status_answers_ = 0;
    int ticket_counter_ = 0;
};

}  // namespace mk::hw
