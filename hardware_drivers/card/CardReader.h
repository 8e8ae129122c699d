// An ID / social-security card reader on PC/SC (pcsclite, the pcscd service), a Device. A worker
// thread waits for reader and card events (SCardGetStatusChange); on insertion it connects, reads
// the ATR and asks for the card's UID with GET DATA (APDU FF CA 00 00 00, contactless readers);
// cards that refuse it are identified by a hash of their ATR. Signals arrive on the thread that
// owns the CardReader. A card pulled out while being read gives readFailed(), never a crash.
//
// Health:  Ready     reader present (detail: the reader's name)
//          Missing   pcscd not running, no reader / the configured reader not connected,
//                    or card reading not configured
#pragma once

#include "hw/card/CardInfo.h"
#include "hw/card/CardReaderConfig.h"
#include "hw/common/DeviceHealth.h"

#include <QDeadlineTimer>

#include <memory>

class QThread;

namespace mk::hw {

class CardReader : public Device
{
    Q_OBJECT
public:
    explicit CardReader(CardReaderConfig config, QObject* parent = nullptr);
    ~CardReader() override;

    // Starts watching. health() is Unset until the first check.
    void start();
    // Cancels the wait (SCardCancel) and ends the worker thread by the deadline (the destructor:
    // ThreadJoin::kDeviceJoinMs). A thread blocked in pcsclite or the reader's driver is logged
    // and abandoned (common/ThreadJoin.h): it shares nothing with this object any more.
    void stop(QDeadlineTimer deadline = QDeadlineTimer(kStopMs));
    DeviceHealth health() const override { return health_; }

    // The identifier for a GET DATA answer (data + SW1 SW2) and the ATR (pure, for tests).
    static CardInfo identify(const QByteArray& atr, const QByteArray& get_data_response);

Q_SIGNALS:
    void cardInserted(const mk::hw::CardInfo& card);
    void cardRemoved();
    // Reading failed (card pulled out mid-read, mute card); detail for staff, no personal data.
    void readFailed(const QString& detail);

private:
    static constexpr int kStopMs = 1500;  // ThreadJoin::kDeviceJoinMs
    struct Shared;                        // what the worker thread uses: never this object itself
    static void run(const std::shared_ptr<Shared>& shared);
    void report(DeviceState state, const QString& detail);

    CardReaderConfig config_;
    QThread* thread_ = nullptr;  // owned; abandoned when it does not stop in time
    std::shared_ptr<Shared> shared_;
    DeviceHealth health_;
};

}  // namespace mk::hw
