// What the card reader read from an inserted card. identifier is personal data: never log it.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace mk::hw {

struct CardInfo {
    enum class IdSource { Unset = 0, Uid, AtrHash };
    QString reader;      // PC/SC reader name
    QByteArray atr;      // answer to reset
    QString identifier;  // "uid:<hex>" from GET DATA (FF CA 00 00 00) or "atr:<sha256 hex, 32>"
    IdSource source = IdSource::Unset;
};

}  // namespace mk::hw

Q_DECLARE_METATYPE(mk::hw::CardInfo)
