"""U-Net of Buda et al. (2019), written from the paper's description.

Layout (init_features=F): four encoder levels of two [3x3 conv (no bias), BatchNorm,
ReLU] units with F, 2F, 4F, 8F channels, each followed by 2x2 max-pooling; a 16F
bottleneck; four decoder levels that upsample with a 2x2 stride-2 transposed
convolution, concatenate the matching encoder output and apply the same two-unit
block; a 1x1 convolution to `out_channels` and a sigmoid.

With in_channels=3, out_channels=1, init_features=32 this has 7,763,041 parameters,
the count of the published model.
"""
import torch
import torch.nn as nn


def conv_block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class UNet(nn.Module):
    def __init__(self, in_channels=3, out_channels=1, init_features=32):
        super().__init__()
        f = init_features
        widths = [f, 2 * f, 4 * f, 8 * f]
        self.encoders = nn.ModuleList()
        cin = in_channels
        for w in widths:
            self.encoders.append(conv_block(cin, w))
            cin = w
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.bottleneck = conv_block(8 * f, 16 * f)
        self.upconvs = nn.ModuleList()
        self.decoders = nn.ModuleList()
        cin = 16 * f
        for w in reversed(widths):
            self.upconvs.append(nn.ConvTranspose2d(cin, w, kernel_size=2, stride=2))
            self.decoders.append(conv_block(2 * w, w))
            cin = w
        self.head = nn.Conv2d(f, out_channels, kernel_size=1)

    def logits(self, x):
        skips = []
        for enc in self.encoders:
            x = enc(x)
            skips.append(x)
            x = self.pool(x)
        x = self.bottleneck(x)
        for up, dec, skip in zip(self.upconvs, self.decoders, reversed(skips)):
            x = dec(torch.cat([up(x), skip], dim=1))
        return self.head(x)

    def forward(self, x):
        return torch.sigmoid(self.logits(x))


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())
